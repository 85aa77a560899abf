using System.Linq.Expressions;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MembershipStates.Scim;

namespace MembershipStates.Benchmarks;

/// <summary>
/// Filter evaluation over 100,000 generated users: the JSON evaluator (for in-memory stores) and the compiled LINQ
/// translation (what an IQueryable host runs, here compiled in memory), against a hand-written C# predicate that
/// answers the same question (the baseline).
/// </summary>
[MemoryDiagnoser]
public class FilterBenchmarks
{
    private const int UserCount = 100_000;

    private FilterUser[] _users = [];
    private JsonObject[] _json = [];
    private ScimFilter _filter = null!;
    private Func<FilterUser, bool> _compiled = null!;
    private Func<FilterUser, bool> _handWritten = null!;

    /// <summary>Okta's and Entra's lookups, and a compound filter.</summary>
    [Params("OktaUserName", "EntraWorkEmail", "Compound")]
    public string Filter { get; set; } = "OktaUserName";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261129);
        var departments = new[] { "Sales", "Tour Operations", "Engineering", "Support" };
        _users = new FilterUser[UserCount];
        _json = new JsonObject[UserCount];
        for (var i = 0; i < UserCount; i++)
        {
            var userName = $"{(random.Next(2) == 0 ? "Runscope" : "runscope")}{i}Hfluaklab@atko.com";
            var user = new FilterUser(
                userName,
                $"00u{i:x8}",
                random.Next(4) != 0,
                random.Next(3) == 0 ? null : $"u{i}@contoso.com",
                departments[random.Next(departments.Length)]);
            _users[i] = user;
            _json[i] = new JsonObject
            {
                ["userName"] = user.UserName,
                ["externalId"] = user.ExternalId,
                ["active"] = user.Active,
                ["emails"] = user.WorkEmail is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "work", ["value"] = user.WorkEmail }),
                ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = user.Department },
            };
        }

        var (text, handWritten) = Filter switch
        {
            "OktaUserName" => ("userName eq \"RUNSCOPE77777HFLUAKLAB@atko.com\"",
                (Func<FilterUser, bool>)(u => string.Equals(u.UserName, "RUNSCOPE77777HFLUAKLAB@atko.com", StringComparison.OrdinalIgnoreCase))),
            "EntraWorkEmail" => ("emails[type eq \"work\"].value eq \"U77777@CONTOSO.COM\"",
                u => string.Equals(u.WorkEmail, "U77777@CONTOSO.COM", StringComparison.OrdinalIgnoreCase)),
            _ => ("active eq true and (userName sw \"Runscope1\" or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"sales\")",
                u => u.Active && (u.UserName.StartsWith("Runscope1", StringComparison.OrdinalIgnoreCase) || string.Equals(u.Department, "sales", StringComparison.OrdinalIgnoreCase))),
        };
        var filter = ScimFilter.Parse(text).Value;
        _filter = filter;
        var map = new ScimFilterMap<FilterUser>()
            .Map("userName", u => u.UserName)
            .Map("externalId", u => u.ExternalId)
            .Map("active", u => u.Active)
            .Map("emails[type eq \"work\"].value", u => u.WorkEmail)
            .Map("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", u => u.Department);
        var predicate = map.Translate(filter).Value;

        _compiled = predicate.Compile();
        _handWritten = handWritten;
        var expected = _users.Count(_handWritten);
        if (_users.Count(_compiled) != expected || EvaluateJson() != expected)
        {
            throw new InvalidOperationException("The three ways disagree; the benchmark would compare different work.");
        }
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenPredicate() => _users.Count(_handWritten);

    [Benchmark]
    public int CompiledLinqTranslation() => _users.Count(_compiled);

    [Benchmark]
    public int JsonEvaluator() => EvaluateJson();

    private int EvaluateJson()
    {
        var count = 0;
        foreach (var user in _json)
        {
            if (_filter.Evaluate(user) is { IsSuccess: true, Value: true })
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>A host's own user entity, as the LINQ translation sees it.</summary>
public sealed record FilterUser(string UserName, string ExternalId, bool Active, string? WorkEmail, string Department);
