using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using MembershipStates.Tests.Scim.Model;
using static MembershipStates.Tests.Scim.Model.ScimUserPropertyTests;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimAttributeProjectionTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Core = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static readonly DateTimeOffset Then = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Uri Location = new("https://x.example/Users/m1");

    private static readonly string[] NamePool =
    [
        "id", "schemas", "userName", "USERNAME", "active", "externalId", "name", "name.givenName", "name.familyName", "displayName",
        "locale", "emails", "emails.value", "emails.type", "emails.primary", "meta", "meta.version", "meta.lastModified", "password",
        Enterprise, Enterprise + ":department", Enterprise + ":manager", Enterprise + ":manager.value", Core + ":userName",
        Core + ":name.givenName", "frobnicate", "name.frobnicate", "urn:example:ext:1.0:User", "emails[type eq \"work\"].value", "", " ",
    ];

    public sealed record Case(UserSpec User, string[] Names);

    public static class Cases
    {
        public static Arbitrary<Case> Arbitrary() =>
            (from user in Users.Arbitrary().Generator
             from count in Gen.Choose(0, 5)
             from names in Gen.ArrayOf(Gen.Elements(NamePool), count)
             select new Case(user with { Unknown = [] }, names)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void Project_AnyNames_KeepsIdAndSchemas(Case c)
    {
        var resource = Resource(c.User);
        var names = string.Join(",", c.Names);

        foreach (var projection in new[] { ScimAttributeProjection.ForUsers(names, null), ScimAttributeProjection.ForUsers(null, names), ScimAttributeProjection.ForUsers(names, names) })
        {
            var projected = projection.Project(resource);
            projected["id"]!.GetValue<string>().Should().Be("m1");
            projected["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(Core);
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void Project_Attributes_IsASubsetOfTheDefault(Case c)
    {
        var resource = Resource(c.User);

        var projected = ScimAttributeProjection.ForUsers(string.Join(",", c.Names), null).Project(resource);

        IsSubset(projected, resource).Should().BeTrue($"{projected.ToJsonString()} must be part of {resource.ToJsonString()}");
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void Project_ExcludedTopLevelAttributes_RemovesExactlyThose(Case c)
    {
        var resource = Resource(c.User);
        var topLevel = c.Names.Where(n => n is "userName" or "USERNAME" or "active" or "externalId" or "name" or "displayName" or "locale" or "emails" or "meta").ToArray();

        var projected = ScimAttributeProjection.ForUsers(null, string.Join(",", topLevel)).Project(resource);

        var expected = (JsonObject)resource.DeepClone();
        foreach (var name in topLevel)
        {
            expected.Remove(expected.Select(m => m.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name);
        }

        JsonNode.DeepEquals(projected, expected).Should().BeTrue($"excluding {string.Join(",", topLevel)} from {resource.ToJsonString()} gave {projected.ToJsonString()}");
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void Project_ThenParse_RoundTrips(Case c)
    {
        var resource = Resource(c.User);
        var names = string.Join(",", c.Names);

        foreach (var projection in new[] { ScimAttributeProjection.ForUsers(names, null), ScimAttributeProjection.ForUsers(null, names) })
        {
            var projected = projection.Project(resource);
            var parsed = ScimJson.ParseUser(System.Text.Encoding.UTF8.GetBytes(projected.ToJsonString()));

            parsed.Error.Should().BeNull(projected.ToJsonString());
            var written = JsonNode.Parse(ScimJson.ToUtf8Bytes(parsed.Value))!.AsObject();
            if (!projected.ContainsKey("active"))
            {
                written.Remove("active"); // the wire type always writes active; a projection may leave it out
            }

            JsonNode.DeepEquals(written, projected).Should().BeTrue($"{projected.ToJsonString()} read back as {written.ToJsonString()}");
        }
    }

    [Fact]
    public void Project_SubAttributeAndUrnPaths_SelectWithinTheirParents()
    {
        var resource = Resource(new UserSpec("ann", true, "ext", "Ann", "Lee", "Ann Lee", "en", [new("a@x.example", "work", true), new("b@x.example", "home", null)], "R&D", "boss", []));

        var projected = ScimAttributeProjection.ForUsers($"name.givenName,emails.value,{Enterprise}:department,frobnicate", null).Project(resource);

        projected.Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "name", "emails", Enterprise);
        projected["name"]!.ToJsonString().Should().Be("""{"givenName":"Ann"}""");
        projected["emails"]!.ToJsonString().Should().Be("""[{"value":"a@x.example"},{"value":"b@x.example"}]""");
        projected[Enterprise]!.AsObject().Select(m => m.Key).Should().Equal("department");
        projected[Enterprise]!["department"]!.GetValue<string>().Should().Be("R&D");
    }

    [Fact]
    public void Project_ExcludedExtension_LeavesItAndItsSchemaOut()
    {
        var resource = Resource(new UserSpec("ann", true, null, null, null, null, null, [], "R&D", "boss", []));

        var projected = ScimAttributeProjection.ForUsers(null, $"{Enterprise},id,schemas").Project(resource);

        projected.ContainsKey(Enterprise).Should().BeFalse();
        projected["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(Core);
        projected.ContainsKey("id").Should().BeTrue("id is returned always and cannot be excluded");
    }

    [Fact]
    public void Apply_ListAndErrorResponses_ProjectsResourcesOnlyAndKeepsHeaders()
    {
        var user = Build(new UserSpec("ann", true, null, "Ann", null, "Ann", null, [], null, null, [])).WithMembership(MembershipSnapshot.Active("m1", 3, Then, Then), Location);
        var projection = ScimAttributeProjection.ForUsers("userName", null);

        var one = projection.Apply(ScimResponse.Ok(user));
        var list = projection.Apply(ScimResponse.List(new ScimListResponse<ScimUser>([user], 1, ScimPage.Of(1, 10))));
        var error = ScimError.NotFound().ToResponse();

        JsonNode.Parse(one.Body.Span)!.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "userName");
        one.ETag.Should().Be("W/\"3\"");
        JsonNode.Parse(list.Body.Span)!["Resources"]![0]!.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "userName");
        JsonNode.Parse(list.Body.Span)!["totalResults"]!.GetValue<int>().Should().Be(1);
        projection.Apply(error).Should().BeSameAs(error);
        ScimAttributeProjection.ForUsers(" , ", null).IsIdentity.Should().BeTrue();
    }

    private static JsonObject Resource(UserSpec spec) =>
        ScimJson.ToJsonObject(Build(spec).WithMembership(MembershipSnapshot.Active("m1", 3, Then, Then), Location));

    private static bool IsSubset(JsonNode? part, JsonNode? whole) => (part, whole) switch
    {
        (JsonObject p, JsonObject w) => p.All(m => w.ContainsKey(m.Key) && (m.Key == "schemas"
            ? m.Value!.AsArray().All(s => w[m.Key]!.AsArray().Any(x => JsonNode.DeepEquals(x, s)))
            : IsSubset(m.Value, w[m.Key]))),
        (JsonArray p, JsonArray w) => p.Count == w.Count && p.Zip(w).All(x => IsSubset(x.First, x.Second)),
        _ => JsonNode.DeepEquals(part, whole),
    };
}
