using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.Benchmarks;

/// <summary>Writes a benchmark's members straight into the sample host's tables, as its store would have stored them.</summary>
internal static class MemberSeed
{
    /// <summary>
    /// Writes <paramref name="count"/> Active members of <paramref name="organization"/>, named as Okta's tests name
    /// users, in alternating case (<c>Runscope0Hfluaklab@atko.com</c>, <c>runscope1Hfluaklab@atko.com</c>…), then
    /// gathers statistics.
    /// </summary>
    /// <param name="attributes">The stored attributes of member <c>i</c>.</param>
    /// <param name="values">The <c>member_values</c> rows of member <c>i</c>, given the organization's id and the member's SCIM id.</param>
    public static async Task WriteAsync(
        IServiceProvider services, string organization, int count, Func<int, string> attributes, Func<int, int, string, IEnumerable<MemberValue>> values)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var organizationId = await db.Organizations.Where(o => o.Name == organization).Select(o => o.Id).SingleAsync();
        var now = DateTimeOffset.UnixEpoch;
        for (var start = 0; start < count; start += 10_000)
        {
            var users = Enumerable.Range(start, Math.Min(10_000, count - start)).Select(i => new User { Email = $"u{i}@contoso.com", NormalizedEmail = $"U{i}@CONTOSO.COM" }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            for (var n = 0; n < users.Count; n++)
            {
                var i = start + n;
                var userName = $"{(i % 2 == 0 ? "Runscope" : "runscope")}{i}Hfluaklab@atko.com";
                var scimId = Guid.NewGuid().ToString();
                db.Memberships.Add(new Membership
                {
                    OrganizationId = organizationId,
                    UserId = users[n].Id,
                    ScimId = scimId,
                    Version = 1,
                    UserName = userName,
                    NormalizedUserName = userName.ToUpperInvariant(),
                    ExternalId = $"00u{i:x8}",
                    Attributes = attributes(i),
                    Created = now.AddSeconds(i),
                    LastModified = now.AddSeconds(i),
                });
                db.MemberValues.AddRange(values(i, organizationId, scimId));
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
