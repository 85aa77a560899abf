using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Data;

/// <summary>The app's database on SQLite, the sample's default: its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteMembershipDbContext(DbContextOptions<SqliteMembershipDbContext> options) : MembershipDbContext(options);
