namespace MembershipStates.SampleHost.Data;

/// <summary>The database engines the sample runs on, chosen with <c>Storage:Provider</c>.</summary>
internal enum StorageProvider
{
    /// <summary>A SQLite file (the default): nothing to install, one machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: the production engine, for one or many host instances.</summary>
    PostgreSql,
}
