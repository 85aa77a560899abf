using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost;

/// <summary>What the host does before it serves: the schema, the organizations and their tokens, the banner.</summary>
internal static partial class SampleHostStartup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var configured = ReadOrganizations(app.Configuration);
        var generatedDemoToken = false;
        if (configured.Count == 0)
        {
            configured.Add(SampleHostDefaults.DemoOrganization, NewToken());
            generatedDemoToken = true;
        }

        var entries = new List<OrganizationEntry>();
        var scope = app.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            await db.Database.EnsureCreatedAsync().ConfigureAwait(false);

            await CheckSchemaAsync(db).ConfigureAwait(false);

            // WAL lets readers go on while one writer commits; the mode is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);

            foreach (var (name, token) in configured)
            {
                var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Name == name).ConfigureAwait(false);
                if (organization is null)
                {
                    organization = new Organization { Name = name };
                    db.Organizations.Add(organization);
                    await db.SaveChangesAsync().ConfigureAwait(false);
                }

                entries.Add(new OrganizationEntry(organization.Name, organization.Id, Organizations.Hash(token)));
            }
        }

        app.Services.GetRequiredService<Organizations>().Load(entries);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, configured, generatedDemoToken));
    }

    /// <summary>
    /// Fails the start, rather than every request, when the database file was created with another schema:
    /// <c>EnsureCreated</c> creates a missing schema but never changes an existing one.
    /// </summary>
    /// <remarks>Each query reads every column of its table, so that a column this version added is missed too
    /// (<c>Any</c> would read none).</remarks>
    private static async Task CheckSchemaAsync(MembershipDbContext db)
    {
        try
        {
            _ = await db.Memberships.AsNoTracking().FirstOrDefaultAsync().ConfigureAwait(false);
            _ = await db.InactiveMemberships.AsNoTracking().FirstOrDefaultAsync().ConfigureAwait(false);
            _ = await db.Users.AsNoTracking().FirstOrDefaultAsync().ConfigureAwait(false);
            _ = await db.Organizations.AsNoTracking().FirstOrDefaultAsync().ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw new InvalidOperationException(
                $"The database '{db.Database.GetDbConnection().DataSource}' does not have the schema of this version of the sample host ({exception.Message}). "
                + "Delete the file, or set ConnectionStrings:Membership to another one, and start again.",
                exception);
        }
    }

    private static Dictionary<string, string> ReadOrganizations(IConfiguration configuration)
    {
        var organizations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection("Organizations").GetChildren())
        {
            if (!OrganizationName().IsMatch(section.Key))
            {
                throw new InvalidOperationException(
                    $"Organizations:{section.Key}: an organization name is 1 to 64 letters, digits, '-', '_' or '.', as it appears in the SCIM base URL.");
            }

            var token = section["Token"];
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new InvalidOperationException($"Organizations:{section.Key}:Token is missing: every organization needs a bearer token.");
            }

            organizations[section.Key] = token;
        }

        return organizations;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void PrintBanner(WebApplication app, Dictionary<string, string> organizations, bool generatedDemoToken)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var output = Console.Out;
        output.WriteLine("MembershipStates sample host is ready.");
        foreach (var address in addresses)
        {
            var root = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
            foreach (var name in organizations.Keys)
            {
                output.WriteLine($"SCIM base URL ({name}): {root}{SampleHostDefaults.ScimBasePath}{name}");
            }
        }

        if (generatedDemoToken)
        {
            output.WriteLine($"Bearer token ({SampleHostDefaults.DemoOrganization}): {organizations[SampleHostDefaults.DemoOrganization]}");
            output.WriteLine($"(No Organizations configured: organization '{SampleHostDefaults.DemoOrganization}' gets a new random token at every start; set Organizations:<name>:Token to choose.)");
        }

        output.Flush();
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationName();
}
