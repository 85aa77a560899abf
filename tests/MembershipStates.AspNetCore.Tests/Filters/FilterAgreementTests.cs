using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>
/// The property that makes the sample host's filters trustworthy: over generated users stored through the sample's
/// store, every generated filter selects in SQL exactly the users the package's in-memory evaluator selects from
/// their SCIM representations, on SQLite and on PostgreSQL.
/// </summary>
public abstract class FilterAgreementTests(SampleHostFixture host)
{
    private const int Population = 40;
    private readonly MembershipLifecycle _lifecycle = new();

    [SkippableFact]
    public async Task EveryGeneratedFilter_SelectsInTheDatabaseWhatTheEvaluatorSelects()
    {
        var organization = SampleHostFixture.Acme;
        var users = await StoreAsync(organization);
        users.Any(u => u.Membership.State == MembershipState.Inactive).Should().BeTrue("some members are Inactive");
        users.Any(u => u.Resource["emails"] is JsonArray { Count: > 1 }).Should().BeTrue("some have several e-mail addresses");

        var checkedFilters = 0;
        var matchedSome = 0;
        var property = Prop.ForAll(StoredUserGenerators.Filters, text =>
        {
            var parsed = ScimFilter.Parse(text);
            if (!parsed.TryGetValue(out var filter))
            {
                return false.Label($"{text} does not parse: {parsed.Error}");
            }

            var expected = users.Where(u => filter.Evaluate(u.Resource) is { IsSuccess: true, Value: true }).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
            var actual = QueryAsync(organization, filter).GetAwaiter().GetResult();
            checkedFilters++;
            matchedSome += expected.Count is > 0 and < Population ? 1 : 0;
            return actual.SequenceEqual(expected).Label($"{text}: database {string.Join(",", actual)}; evaluator {string.Join(",", expected)}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        checkedFilters.Should().BeGreaterThanOrEqualTo(200);
        matchedSome.Should().BeGreaterThan(40, "a fair share of the filters select some users and not others");
    }

    private async Task<List<string>> QueryAsync(string organization, ScimFilter filter)
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var queried = await store.QueryAsync(organization, new ScimMemberQuery(filter, ScimPage.Of(1, 1000)));
        queried.Error.Should().BeNull(filter.ToString());
        var page = queried.Value;
        return [.. page.Members.Select(m => m.Id).Order(StringComparer.Ordinal)];
    }

    /// <summary>Stores a generated population through the store (a third of it deactivated) and reads back what GET would show.</summary>
    private async Task<List<StoredUser>> StoreAsync(string organization)
    {
        var generated = StoredUserGenerators.Users.Sample(Population * 2, 20)
            .DistinctBy(u => u.User.UserName!.ToUpperInvariant())
            .Take(Population)
            .ToList();
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var stored = new List<StoredUser>();
        foreach (var (user, active) in generated)
        {
            var decision = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
            (await store.CommitAsync(organization, decision, user)).Should().Be(ScimCommitResult.Committed, user.UserName);
            var snapshot = decision.Next;
            if (!active)
            {
                var deactivation = _lifecycle.Decide(snapshot, MembershipCommand.Deactivate());
                (await store.CommitAsync(organization, deactivation, user)).Should().Be(ScimCommitResult.Committed);
            }

            var member = await store.FindByIdAsync(organization, snapshot.Id!);
            var resource = member!.ToResource(new Uri("https://example.test/scim/v2/Users"));
            stored.Add(new StoredUser(member.Id, member.Membership, JsonNode.Parse(ScimJson.ToUtf8Bytes(resource))!.AsObject()));
        }

        return stored;
    }

    private sealed record StoredUser(string Id, MembershipSnapshot Membership, JsonObject Resource);

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : FilterAgreementTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : FilterAgreementTests(host), IClassFixture<PostgreSqlHost>;
}
