using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The testing kit against the sample's own stores on each engine: Okta's and Entra ID's scripts, the model-based
/// property and the races, through two instances over one database.
/// </summary>
public abstract class SampleStoreConformanceTests(SampleStoreDatabase database) : ScimGroupStoreTests
{
    protected override void ConfigureStore(IServiceCollection services)
    {
        // Runs in each test: a skipped test when the engine is not configured (CI configures both).
        Skip.IfNot(database.IsAvailable, TestDatabase.UnavailableReason);

        // The sample's own registrations (SampleHostApp), over the test class's database.
        StorageConfiguration.Register(services);
        services.AddSingleton(database.Storage);
        services.AddSingleton(database.Organizations);
        services.AddSingleton<MemberQueries>();
        services.AddSingleton<ExtensionAttributes>();
        services.AddScoped<IScimMemberStore, SampleMemberStore>();
        services.AddSingleton<GroupQueries>();
        services.AddScoped<IScimGroupStore, SampleGroupStore>();
    }

    // The sample's stores serve the organizations it has rows for: each sequence gets new ones.
    protected override Task<string> CreateOrganizationAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        database.CreateOrganizationAsync(cancellationToken);

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteStoreDatabase database) : SampleStoreConformanceTests(database), IClassFixture<SqliteStoreDatabase>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlStoreDatabase database) : SampleStoreConformanceTests(database), IClassFixture<PostgreSqlStoreDatabase>;
}
