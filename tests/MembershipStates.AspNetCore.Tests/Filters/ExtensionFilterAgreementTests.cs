using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>
/// The sample host's filters and sorts on the attributes of a declared User schema extension agree with the
/// package's evaluator: over generated users with typed extension values (strings in several scripts and cases, a
/// caseExact one, booleans, integers, decimals, dateTimes in several offsets, a list, a complex value), every
/// generated filter selects in SQL what the evaluator selects, and every sort orders as <see cref="ScimSort.Compare"/>,
/// on SQLite and on PostgreSQL.
/// </summary>
public abstract class ExtensionFilterAgreementTests(SampleHostFixture host)
{
    private const string Urn = SampleHostSchemaExtensionTests.Urn;
    private const int Population = 40;

    private static readonly string[] Words = ["alice", "Alice", "ÅSA", "åsa", "straße", "STRASSE", "σίσυφος", "ΣΊΣΥΦΟΣ", "Nord", "nord", "a_b", "A-B", "😀", "x", ""];

    private static readonly string[] Instants =
        ["2020-01-01T00:00:00Z", "2021-06-15T12:30:00Z", "2021-06-15T14:30:00+02:00", "2019-12-31T23:59:59.5Z", "2021-06-15T12:30:00.0000001Z"];

    private static readonly decimal[] Numbers = [-2m, 0m, 0.5m, 1.25m, 2.5m, 3m, 10m];

    private static readonly string[] StringPaths = ["badge", "costCenter", "office.building", "skills"];

    private static readonly string[] NumberPaths = ["level", "score", "office.floor"];

    private static readonly string[] Orderings = ["eq", "ne", "gt", "ge", "lt", "le"];

    private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

    private readonly MembershipLifecycle _lifecycle = new();

    [SkippableFact]
    public async Task EveryGeneratedFilterAndSort_OnExtensionAttributes_AgreesWithTheEvaluator()
    {
        var organization = SampleHostFixture.Acme;
        var schema = host.Services.GetRequiredService<ExtensionAttributes>().Schema;
        var users = await StoreAsync(organization);
        var all = await QueryAsync(organization, null, null);
        var resources = all.ToDictionary(m => m.Id, m => m.Resource, StringComparer.Ordinal);

        var matchedSome = 0;
        var property = Prop.ForAll(Arb.From(Gen.Sized(size => Filter(Math.Min(size, 6))), FilterText.Shrink), text =>
        {
            var parsed = ScimFilter.Parse(text, schema);
            if (!parsed.TryGetValue(out var filter))
            {
                return false.Label($"{text} does not parse: {parsed.Error}");
            }

            var expected = resources.Where(r => filter.Evaluate(r.Value) is { IsSuccess: true, Value: true }).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
            var actual = QueryAsync(organization, filter, null).GetAwaiter().GetResult().Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
            matchedSome += expected.Count > 0 && expected.Count < resources.Count ? 1 : 0;
            return actual.SequenceEqual(expected).Label($"{text}: database {string.Join(",", actual)}; evaluator {string.Join(",", expected)}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        matchedSome.Should().BeGreaterThan(40, "a fair share of the filters select some users and not others");
        users.Count.Should().Be(Population);

        foreach (var path in new[] { "badge", "costCenter", "remote", "level", "score", "since", "skills", "office.building", "office.floor" })
        {
            foreach (var order in new[] { "ascending", "descending" })
            {
                var sort = ScimSort.Parse($"{Urn}:{path}", order, schema);
                sort.IsSuccess.Should().BeTrue(sort.Error?.Detail);
                var expected = resources.Values.Order(Comparer<JsonObject>.Create(sort.Value!.Compare)).Select(r => (string)r["id"]!).ToList();
                var actual = (await QueryAsync(organization, null, sort.Value)).Select(m => m.Id).ToList();
                actual.Should().Equal(expected, $"sortBy {path} {order}");
            }
        }
    }

    private async Task<List<(string Id, JsonObject Resource)>> QueryAsync(string organization, ScimFilter? filter, ScimSort? sort)
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var queried = await store.QueryAsync(organization, new ScimMemberQuery(filter, ScimPage.Of(1, 1000), sort));
        queried.Error.Should().BeNull(filter?.ToString());
        var page = queried.Value;
        return [.. page.Members.Select(m => (m.Id, JsonNode.Parse(ScimJson.ToUtf8Bytes(m.ToResource(new Uri("https://example.test/scim/v2/Users"))))!.AsObject()))];
    }

    /// <summary>Stores a generated population through the store, a third of it deactivated.</summary>
    private async Task<List<string>> StoreAsync(string organization)
    {
        var generated = Users.Sample(Population, 20);
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var ids = new List<string>();
        foreach (var (extension, active) in generated)
        {
            var user = new ScimUser
            {
                UserName = $"agree.{Guid.NewGuid():N}@example.com",
                AdditionalAttributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [Urn] = JsonSerializer.SerializeToElement(extension) },
            };
            var decision = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
            (await store.CommitAsync(organization, decision, user)).Should().Be(ScimCommitResult.Committed);
            if (!active)
            {
                (await store.CommitAsync(organization, _lifecycle.Decide(decision.Next, MembershipCommand.Deactivate()), user)).Should().Be(ScimCommitResult.Committed);
            }

            ids.Add(decision.Next.Id!);
        }

        return ids;
    }

    private static Gen<string> Text { get; } = Gen.Frequency(
        (4, Gen.Elements(Words)),
        (2, Gen.Elements(Words).SelectMany(word => Gen.Elements(word.ToUpperInvariant(), word.ToLowerInvariant()))),
        (1, Gen.Elements(Words).SelectMany(word => Gen.Choose(0, word.Length).Select(n => n > 0 && char.IsHighSurrogate(word[n - 1]) ? word[..(n - 1)] : word[..n]))));

    /// <summary>Extension objects: each attribute absent, or a value of its declared type.</summary>
    private static Gen<(JsonObject Extension, bool Active)> Users { get; } =
        from badge in Text.OrNull()
        from costCenter in Text.OrNull()
        from remote in Gen.Elements<bool?>(null, true, false)
        from level in Gen.Frequency((1, Gen.Constant<long?>(null)), (3, Gen.Choose(-3, 12).Select(n => (long?)n)))
        from score in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (3, Gen.Elements(Numbers).Select(n => (decimal?)n)))
        from since in Gen.Elements(Instants).OrNull()
        from skills in Text.ListOf().Select(list => list.Take(3).ToList())
        from building in Gen.Elements(Words.Where(w => w.Length > 0).ToArray()).OrNull()
        from floor in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 5).Select(n => (int?)n)))
        from active in Gen.Elements(true, true, false)
        select (Extension(badge, costCenter, remote, level, score, since, skills, building, floor), active);

    private static JsonObject Extension(string? badge, string? costCenter, bool? remote, long? level, decimal? score, string? since, List<string> skills, string? building, int? floor)
    {
        var json = new JsonObject();
        Add(json, "badge", badge);
        Add(json, "costCenter", costCenter);
        Add(json, "remote", remote is null ? null : JsonValue.Create(remote.Value));
        Add(json, "level", level is null ? null : JsonValue.Create(level.Value));
        Add(json, "score", score is null ? null : JsonValue.Create(score.Value));
        Add(json, "since", since);
        if (skills.Count > 0)
        {
            json["skills"] = new JsonArray([.. skills.Select(s => (JsonNode)JsonValue.Create(s))]);
        }

        if (building is not null || floor is not null)
        {
            var office = new JsonObject();
            Add(office, "building", building);
            Add(office, "floor", floor is null ? null : JsonValue.Create(floor.Value));
            json["office"] = office;
        }

        return json;
    }

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, string name, string? value) => Add(json, name, value is null ? null : JsonValue.Create(value));

    private static Gen<string> Filter(int size)
    {
        var term = Gen.OneOf(
            Gen.Elements(StringPaths).SelectMany(path => Comparison(path, Gen.Elements(Operators), Text.Select(Quote))),
            Gen.Elements(NumberPaths).SelectMany(path => Comparison(path, Gen.Elements(Orderings), Gen.Elements(Numbers).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            Comparison("since", Gen.Elements(Orderings), Gen.Elements(Instants).Select(Quote)),
            Comparison("remote", Gen.Elements("eq", "ne"), Gen.Elements("true", "false")),
            Gen.Elements("office", "skills", "badge", "level", "since", "remote").Select(path => $"{Urn}:{path} pr"));
        return FilterText.Compose(term, size);
    }

    private static Gen<string> Comparison(string path, Gen<string> operators, Gen<string> values) => Gen.Frequency(
        (8, operators.SelectMany(op => values.Select(value => $"{Urn}:{path} {op} {value}"))),
        (1, Gen.Elements("eq", "ne").Select(op => $"{Urn}:{path} {op} null")));

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHostWithExtension host) : ExtensionFilterAgreementTests(host), IClassFixture<SqliteHostWithExtension>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHostWithExtension host) : ExtensionFilterAgreementTests(host), IClassFixture<PostgreSqlHostWithExtension>;
}
