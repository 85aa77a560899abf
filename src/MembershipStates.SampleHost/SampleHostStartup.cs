using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

        var storage = app.Services.GetRequiredService<StorageConfiguration>();
        await MembershipDatabase.MigrateAsync(storage).ConfigureAwait(false);

        var entries = new List<OrganizationEntry>();
        var scope = app.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            foreach (var (name, token) in configured)
            {
                var organization = await OrganizationAsync(db, name).ConfigureAwait(false);
                entries.Add(new OrganizationEntry(organization.Name, organization.Id, Organizations.Hash(token)));
            }
        }

        app.Services.GetRequiredService<Organizations>().Load(entries);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, configured, generatedDemoToken));
    }

    /// <summary>Finds the organization, or creates it; another instance starting at the same moment may create it first.</summary>
    private static async Task<Organization> OrganizationAsync(MembershipDbContext db, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Name == name).ConfigureAwait(false);
            if (organization is not null)
            {
                return organization;
            }

            organization = new Organization { Name = name };
            db.Organizations.Add(organization);
            try
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
                return organization;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The unique name: another instance created it in between. Read it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Dictionary<string, string> ReadOrganizations(IConfiguration configuration)
    {
        var organizations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection("Organizations").GetChildren())
        {
            if (!OrganizationName().IsMatch(section.Key))
            {
                throw new SampleHostStartupException(
                    $"Organizations:{section.Key}: an organization name is 1 to 64 letters, digits, '-', '_' or '.', as it appears in the SCIM base URL.");
            }

            var token = section["Token"];
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new SampleHostStartupException($"Organizations:{section.Key}:Token is missing: every organization needs a bearer token.");
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
