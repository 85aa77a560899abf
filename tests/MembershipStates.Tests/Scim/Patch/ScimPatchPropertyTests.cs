using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using MembershipStates.Tests.Scim.Model;
using static MembershipStates.Tests.Scim.Model.ScimUserPropertyTests;

namespace MembershipStates.Tests.Scim.Patch;

public sealed class ScimPatchPropertyTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly DateTimeOffset Then = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ScimUserOperations _operations = new(new MembershipLifecycle());

    public sealed record Pair(UserSpec A, UserSpec B, bool PathLess, bool EntraStrings);

    public static class Pairs
    {
        public static Arbitrary<Pair> Arbitrary()
        {
            var users = Users.Arbitrary().Generator.Select(Valid);
            var gen =
                from a in users
                from b in users
                from pathLess in Gen.Elements(true, false)
                from strings in Gen.Elements(true, false)
                select new Pair(a, b, pathLess, strings);
            return gen.ToArbitrary();
        }

        // A PATCH result must be a valid user: a non-blank userName, at most one primary e-mail; and a PATCH can only
        // address attributes whose names the path grammar admits (RFC 7643 ATTRNAME is ASCII).
        private static UserSpec Valid(UserSpec spec) => spec with
        {
            Unknown = [.. spec.Unknown.Where(u => AttributePath.Parse(u.Key).IsSuccess)],
            UserName = string.IsNullOrWhiteSpace(spec.UserName) ? "u" + spec.UserName : spec.UserName,
            ExternalId = string.IsNullOrWhiteSpace(spec.ExternalId) ? null : spec.ExternalId,
            Emails = [.. spec.Emails.Select((e, i) => i == 0 ? e : e with { Primary = e.Primary == true ? false : e.Primary })],
        };
    }

    /// <summary>Replace operations built from user B, applied to user A, yield B's values — in every form providers send.</summary>
    [Property(Arbitrary = [typeof(Pairs)], MaxTest = 300)]
    public void Patch_ReplaceOperationsBuiltFromB_YieldBsValues(Pair pair)
    {
        var a = Build(pair.A).ToHostAttributes();
        var b = Build(pair.B);
        var member = new ScimMember(MembershipSnapshot.Active("m1", 3, Then, Then), a);
        var body = PatchFrom(a, b, pair.PathLess, pair.EntraStrings);

        var parsed = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes(body));
        parsed.Error.Should().BeNull(body);
        var decided = _operations.Patch(member, "m1", parsed.Value);

        decided.Error.Should().BeNull(body);
        var operation = decided.Value;
        var expected = ScimJson.ToJsonObject(b.ToHostAttributes());
        var actual = ScimJson.ToJsonObject(operation.Attributes!);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"patching A with {body} must give B:\n{expected.ToJsonString()}\nbut gave\n{actual.ToJsonString()}");
        operation.Decision.Next.State.Should().Be(b.Active ? MembershipState.Active : MembershipState.Inactive);
        operation.Decision.Next.Id.Should().Be("m1");
    }

    /// <summary>Arbitrary bytes never throw out of the request mapping: the answer is a result or a SCIM error.</summary>
    [Property(MaxTest = 500)]
    public void ParseUserAndPatch_ArbitraryBytes_NeverThrow(byte[] bytes)
    {
        var user = ScimUserOperations.ParseUser(bytes);
        var patch = ScimUserOperations.ParsePatch(bytes);

        (user.IsSuccess || user.Error is { Status: 400 }).Should().BeTrue();
        (patch.IsSuccess || patch.Error is { Status: 400 }).Should().BeTrue();
    }

    public static class JsonBodies
    {
        private static readonly Gen<string> Keys = Gen.Elements(
            "schemas", "Operations", "operations", "op", "path", "value", "userName", "active", "emails", "name",
            "name.givenName", "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "id", "meta", "groups",
            Enterprise, Enterprise + ":manager", Enterprise + ":employeeNumber", "urn:x:y", "primary", "type", "", "[", "manager");

        private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
            Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(false), JsonValue.Create("True"),
                JsonValue.Create("False"), JsonValue.Create(""), JsonValue.Create("replace"), JsonValue.Create("Add"),
                JsonValue.Create("remove"), JsonValue.Create("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                JsonValue.Create("urn:ietf:params:scim:schemas:core:2.0:User"), JsonValue.Create(1.5m), JsonValue.Create(-3)),
            Keys.Select(k => (JsonNode?)JsonValue.Create(k)));

        private static Gen<JsonNode?> Node(int size) => size <= 0
            ? Scalar
            : Gen.Frequency(
                (3, Scalar),
                (2, Gen.ListOf(Node(size / 2)).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
                (3, Gen.ListOf(Gen.Zip(Keys, Node(size / 2))).Select(members =>
                {
                    var json = new JsonObject();
                    foreach (var (key, value) in members)
                    {
                        json[key] = value?.DeepClone();
                    }

                    return (JsonNode?)json;
                })));

        // Half the bodies are JSON a JsonObject can hold; the other half repeat names, carry odd Unicode and nest deep.
        public static Arbitrary<string> Arbitrary() => Gen.OneOf(
            Gen.Sized(size => Node(Math.Min(size, 12))).Select(n => n?.ToJsonString() ?? "null"),
            HostileJson.Text(Keys, Scalar)).ToArbitrary();
    }

    /// <summary>Arbitrary SCIM-shaped JSON never throws out of parsing or applying a PATCH, nor out of reading a user.</summary>
    [Property(Arbitrary = [typeof(JsonBodies)], MaxTest = 1000)]
    public void ParseAndPatch_ArbitraryJson_NeverThrow(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var member = ScimPatchFixtureTests.Member(MembershipState.Inactive);

        var user = ScimUserOperations.ParseUser(bytes);
        var patch = ScimUserOperations.ParsePatch(bytes);
        var decided = patch.TryGetValue(out var request) ? _operations.Patch(member, "m1", request) : null;
        var answer = decided is null ? patch.Error!.ToResponse()
            : decided.TryGetValue(out var decision) ? decision.ToResponse(new Uri("https://x.example/Users"))
            : decided.Error.ToResponse();

        (user.IsSuccess || user.Error is { Status: 400 }).Should().BeTrue();
        answer.StatusCode.Should().BeOneOf(200, 400);
    }

    private static string PatchFrom(ScimUser a, ScimUser b, bool pathLess, bool entraStrings)
    {
        var operations = new JsonArray();
        var pathLessValue = new JsonObject();
        var target = ScimJson.ToJsonObject(b.ToHostAttributes());
        var current = ScimJson.ToJsonObject(a);
        target.Remove("active");
        current.Remove("active");

        // Attributes of A that B lacks are removed; every attribute of B replaces A's.
        // Replacing a complex value keeps the sub-attributes it does not send (RFC 7644 §3.5.2.3), so complex values
        // of A are removed before B's are put in their place.
        foreach (var (key, value) in current)
        {
            if (!target.ContainsKey(key) || value is JsonObject)
            {
                operations.Add(new JsonObject { ["op"] = "remove", ["path"] = key });
            }
        }

        foreach (var (key, value) in target)
        {
            if (pathLess)
            {
                pathLessValue[key] = value?.DeepClone();
            }
            else
            {
                operations.Add(new JsonObject { ["op"] = "Replace", ["path"] = key, ["value"] = value?.DeepClone() });
            }
        }

        JsonNode active = entraStrings ? JsonValue.Create(b.Active ? "True" : "False") : JsonValue.Create(b.Active);
        if (pathLess)
        {
            pathLessValue["active"] = active;
            operations.Add(new JsonObject { ["op"] = "replace", ["value"] = pathLessValue });
        }
        else
        {
            operations.Add(new JsonObject { ["op"] = "Replace", ["path"] = "active", ["value"] = active });
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = operations,
        }.ToJsonString();
    }
}
