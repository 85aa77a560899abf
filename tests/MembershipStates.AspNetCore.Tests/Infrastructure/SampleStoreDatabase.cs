using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A database of the sample's schema for the testing kit: migrated once per test class, with organizations created
/// on demand, as rows of the sample's <c>organizations</c> table and entries of its <see cref="Organizations"/>.
/// </summary>
/// <remarks>PostgreSQL needs <c>MEMBERSHIPSTATES_TEST_POSTGRES</c>; without it the kit's tests are skipped with that reason (CI counts a skip as a failure).</remarks>
public abstract class SampleStoreDatabase(Engine engine) : IAsyncLifetime
{
    private readonly List<OrganizationEntry> _entries = [];
    private TestDatabase? _database;

    /// <summary>Gets the sample's storage contract for this database.</summary>
    internal StorageConfiguration Storage { get; private set; } = null!;

    /// <summary>Gets a value indicating whether the engine can be reached: without it, every test of the class is skipped.</summary>
    public bool IsAvailable => TestDatabase.IsAvailable(engine);

    /// <summary>Gets the organizations the stores look up, shared by every instance of the host.</summary>
    internal Organizations Organizations { get; } = new();

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        _database = TestDatabase.Create(engine);
        Storage = new StorageConfiguration(engine == Engine.Sqlite ? StorageProvider.Sqlite : StorageProvider.PostgreSql, _database.ConnectionString);
        await MembershipDatabase.MigrateAsync(Storage);
    }

    public Task DisposeAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates an organization row with a new name, and lets the stores find it.</summary>
    public async Task<string> CreateOrganizationAsync(CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        var organization = new Organization { Name = "kit-" + Guid.NewGuid().ToString("N")[..12] };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        lock (_entries)
        {
            _entries.Add(new OrganizationEntry(organization.Name, organization.Id, Organizations.Hash(organization.Name)));
            Organizations.Load(_entries);
        }

        return organization.Name;
    }
}

/// <summary>The sample's schema on a SQLite file of its own.</summary>
public sealed class SqliteStoreDatabase() : SampleStoreDatabase(Engine.Sqlite);

/// <summary>The sample's schema on a PostgreSQL database of its own.</summary>
public sealed class PostgreSqlStoreDatabase() : SampleStoreDatabase(Engine.PostgreSql);
