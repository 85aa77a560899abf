using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using MembershipStates.Tests.Scim.Model;

namespace MembershipStates.Tests.Scim.Patch;

/// <summary>Every Group PATCH shape Okta and Microsoft Entra ID send, read as member deltas; and the errors of malformed ones.</summary>
public sealed class ScimGroupPatchTests
{
    private const string GroupId = "abf4dd94-a4c0-4f67-89c9-76b03340cb9b";
    private const string OktaUser1 = "23a35c27-23d3-4c03-b4c5-6443c09e7173";
    private const string OktaUser2 = "89bb1940-b905-4575-9e7f-6f887cfb368e";
    private const string EntraUser1 = "f648f8d5ea4e4cd38e9c";
    private const string EntraUser2 = "0a7d2b1e6e7c4f2a9b1c";

    // fixture → displayName, replaces members, added, removed. Written from the payloads, not from the code.
    public static TheoryData<string, string?, bool, string[], string[]> Fixtures() => new()
    {
        { "okta-group-rename.json", "Test SCIMv2 renamed", false, [], [] },
        { "okta-group-add-members.json", null, false, [OktaUser1, OktaUser2], [] },
        { "okta-group-remove-member.json", null, false, [], [OktaUser1] },
        { "okta-group-replace-members.json", null, true, [OktaUser2], [] },
        { "okta-group-push-update.json", "Test SCIMv2", false, [OktaUser2], [OktaUser1] },
        { "entra-group-rename.json", "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName", false, [], [] },
        { "entra-group-add-members.json", null, false, [EntraUser1, EntraUser2], [] },
        { "entra-group-remove-members.json", null, false, [], [EntraUser1] },
        { "entra-flag-group-remove-member.json", null, false, [], [EntraUser1] },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Create_ProviderFixture_ReadsTheDeltas(string fixture, string? displayName, bool replaces, string[] added, string[] removed)
    {
        var patch = Read(ScimJsonComparison.ReadPayload(fixture)).Value;

        patch.DisplayName.Should().Be(displayName);
        patch.ReplacesMembers.Should().Be(replaces);
        patch.AddedMembers.Should().Equal(added);
        patch.RemovedMembers.Should().Equal(removed);
        patch.ChangesExternalId.Should().BeFalse();
    }

    [Fact]
    public void Create_EntraRemoveWithValue_RemovesOnlyTheListedMembers()
    {
        var patch = Read(ScimJsonComparison.ReadPayload("entra-group-remove-members.json")).Value;

        patch.ReplacesMembers.Should().BeFalse("emptying the whole group here is the classic bug Microsoft warns of");
        patch.RemovedMembers.Should().ContainSingle().Which.Should().Be(EntraUser1);
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"members"}""")]
    [InlineData("""{"op":"replace","path":"members","value":[]}""")]
    [InlineData("""{"op":"replace","path":"members","value":null}""")]
    public void Create_RemoveOrReplaceAllMembers_EmptiesTheGroup(string operation)
    {
        var patch = Read(Body(operation)).Value;

        patch.ReplacesMembers.Should().BeTrue();
        patch.AddedMembers.Should().BeEmpty();
        patch.RemovedMembers.Should().BeEmpty();
        patch.ChangesMembers.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"op":"ADD","path":"members","value":{"value":"u1"}}""", "u1")]
    [InlineData("""{"op":"add","path":"Members","value":[{"VALUE":"u1","Display":"x","type":"User"}]}""", "u1")]
    [InlineData("""{"op":"add","value":{"members":[{"value":"u1"}]}}""", "u1")]
    [InlineData("""{"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members","value":[{"value":"u1"}]}""", "u1")]
    public void Create_AddInAnyCaseAndShape_AddsTheMember(string operation, string member)
    {
        Read(Body(operation)).Value.AddedMembers.Should().Equal(member);
    }

    [Fact]
    public void Create_OperationsCompose_InOrder()
    {
        var patch = Read(Body(
            """{"op":"add","path":"members","value":[{"value":"a"},{"value":"b"},{"value":"a"}]}""",
            """{"op":"remove","path":"members[value eq \"a\" or value eq \"c\"]"}""",
            """{"op":"add","path":"members","value":[{"value":"c"}]}""")).Value;

        patch.AddedMembers.Should().Equal("b", "c");
        patch.RemovedMembers.Should().Equal("a");
        patch.ToString().Should().Be("+[b, c]; -[a]");
    }

    [Fact]
    public void Create_ReplaceThenRemove_LeavesTheReplacementWithoutTheRemoved()
    {
        var patch = Read(Body(
            """{"op":"replace","path":"members","value":[{"value":"a"},{"value":"b"}]}""",
            """{"op":"remove","path":"members[value eq \"a\"]"}""")).Value;

        patch.ReplacesMembers.Should().BeTrue();
        patch.AddedMembers.Should().Equal("b");
        patch.RemovedMembers.Should().BeEmpty();
    }

    [Fact]
    public void Create_ExternalIdAndEntraExtension_SetsExternalIdAndIgnoresTheExtension()
    {
        var patch = Read(Body(
            """{"op":"replace","value":{"externalId":"ext-1","urn:ietf:params:scim:schemas:extension:Microsoft:AzureADSCIM:2.0:Group":{"x":1},"schemas":["x"]}}""",
            """{"op":"add","path":"urn:ietf:params:scim:schemas:extension:Microsoft:AzureADSCIM:2.0:Group:something","value":"y"}""")).Value;

        patch.ChangesExternalId.Should().BeTrue();
        patch.ExternalId.Should().Be("ext-1");
        patch.ChangesMembers.Should().BeFalse();
        patch.DisplayName.Should().BeNull();
    }

    [Fact]
    public void Create_RemoveExternalId_UnassignsIt()
    {
        var patch = Read(Body("""{"op":"remove","path":"externalId"}""")).Value;

        patch.ChangesExternalId.Should().BeTrue();
        patch.ExternalId.Should().BeNull();
    }

    // Malformed requests → the RFC 7644 §3.12 error. Written from the RFC, not from the code.
    public static TheoryData<string, string> Errors() => new()
    {
        { """{"op":"replace","value":{"id":"another-group","displayName":"x"}}""", "mutability" },
        { """{"op":"replace","path":"id","value":"another-group"}""", "mutability" },
        { """{"op":"remove","path":"id"}""", "mutability" },
        { """{"op":"replace","path":"meta.version","value":"W/\"9\""}""", "mutability" },
        { """{"op":"replace","value":{"meta":{"version":"x"}}}""", "mutability" },
        { """{"op":"remove","path":"displayName"}""", "invalidValue" },
        { """{"op":"replace","path":"displayName","value":""}""", "invalidValue" },
        { """{"op":"replace","path":"displayName","value":5}""", "invalidValue" },
        { """{"op":"replace","path":"displayName.x","value":"y"}""", "invalidPath" },
        { """{"op":"replace","path":"externalId","value":" "}""", "invalidValue" },
        { """{"op":"add","path":"members","value":[{"display":"no value"}]}""", "invalidValue" },
        { """{"op":"add","path":"members","value":[{"value":""}]}""", "invalidValue" },
        { """{"op":"add","path":"members","value":[{"value":7}]}""", "invalidValue" },
        { """{"op":"add","path":"members","value":["u1"]}""", "invalidValue" },
        { """{"op":"add","path":"members","value":"u1"}""", "invalidValue" },
        { """{"op":"add","path":"members","value":[{"value":"g2","type":"Group"}]}""", "invalidValue" },
        { """{"op":"remove","path":"members","value":[{"value":null}]}""", "invalidValue" },
        { """{"op":"add","path":"members[value eq \"u1\"]","value":{"value":"u1"}}""", "invalidPath" },
        { """{"op":"replace","path":"members[value eq \"u1\"].display","value":"x"}""", "invalidPath" },
        { """{"op":"remove","path":"members.value"}""", "invalidPath" },
        { """{"op":"remove","path":"members[display eq \"x\"]"}""", "invalidFilter" },
        { """{"op":"remove","path":"members[value ne \"u1\"]"}""", "invalidFilter" },
        { """{"op":"remove","path":"members[value eq \"a\" and value eq \"b\"]"}""", "invalidFilter" },
        { """{"op":"replace","path":"owner","value":"x"}""", "invalidPath" },
        { """{"op":"replace","value":{"members[":1}}""", "invalidPath" },
        { """{"op":"remove","path":"members[value eq"}""", "invalidPath" },
        { """{"op":"remove"}""", "noTarget" },
        { """{"op":"add","path":"members"}""", "invalidValue" },
        { """{"op":"merge","path":"members","value":[]}""", "invalidSyntax" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Create_MalformedOperation_IsTheRightScimError(string operation, string scimType)
    {
        var parsed = ScimPatchRequest.Parse(Body(operation));
        var error = parsed.IsSuccess ? ScimGroupPatch.Create(parsed.Value, GroupId).Error : parsed.Error;

        error.Should().NotBeNull();
        error!.Status.Should().Be(400);
        error.ScimType.Should().Be(scimType, error.Detail);
    }

    [Fact]
    public void Create_AnErrorAnywhere_RefusesTheWholeRequest()
    {
        var result = Read(Body(
            """{"op":"add","path":"members","value":[{"value":"u1"}]}""",
            """{"op":"replace","path":"id","value":"another"}"""));

        result.IsSuccess.Should().BeFalse("nothing of a refused PATCH applies");
    }

    public enum MemberOp
    {
        Add,
        Remove,
        RemoveByFilter,
        Replace,
        RemoveAll,
    }

    public sealed record Op(MemberOp Kind, string[] Values)
    {
        public override string ToString() => $"{Kind}[{string.Join(",", Values)}]";
    }

    public static class MemberOps
    {
        public static Arbitrary<Op[]> Arbitrary()
        {
            // Few distinct ids (one non-ASCII), so operations meet the same members often.
            var id = Gen.Elements("u1", "u2", "u3", "Ü4");
            var op =
                from kind in Gen.Elements(Enum.GetValues<MemberOp>())
                from count in Gen.Choose(kind == MemberOp.RemoveByFilter ? 1 : 0, 3)
                from values in Gen.ArrayOf(id, count)
                select new Op(kind, values);
            return Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(op, n)).ToArbitrary();
        }
    }

    [Property(Arbitrary = [typeof(MemberOps)], MaxTest = 300)]
    public void Create_AnySequenceOfMemberOperations_ComposesToTheirSequentialEffect(Op[] operations)
    {
        var bodies = operations.Select(ToJson).ToArray();
        var patch = Read(Body(bodies)).Value;

        foreach (var start in new[] { Array.Empty<string>(), ["u1"], ["u2", "u3", "Ü4"] })
        {
            var expected = new HashSet<string>(start, StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                switch (operation.Kind)
                {
                    case MemberOp.Add:
                        expected.UnionWith(operation.Values);
                        break;
                    case MemberOp.Remove or MemberOp.RemoveByFilter:
                        expected.ExceptWith(operation.Values);
                        break;
                    case MemberOp.Replace:
                        expected = new HashSet<string>(operation.Values, StringComparer.Ordinal);
                        break;
                    default:
                        expected.Clear();
                        break;
                }
            }

            var applied = patch.ReplacesMembers ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(start, StringComparer.Ordinal);
            applied.ExceptWith(patch.RemovedMembers);
            applied.UnionWith(patch.AddedMembers);

            applied.Should().BeEquivalentTo(expected, "{0} applied to [{1}]", string.Join("; ", operations.Select(o => o.ToString())), string.Join(",", start));
            patch.AddedMembers.Intersect(patch.RemovedMembers).Should().BeEmpty();
        }
    }

    public static class GroupJsonBodies
    {
        private static readonly Gen<string> Keys = Gen.Elements(
            "schemas", "Operations", "op", "path", "value", "displayName", "DisplayName", "members", "Members", "members[value eq \"u1\"]",
            "members.value", "members[display eq \"x\"]", "externalId", "id", "meta", "type", "$ref", "display", ScimSchemaUris.EntraGroup,
            ScimSchemaUris.Group + ":displayName", "urn:x:y", "", "[", "owners");

        private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
            Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(""), JsonValue.Create("add"), JsonValue.Create("Remove"),
                JsonValue.Create("replace"), JsonValue.Create(ScimSchemaUris.PatchOp), JsonValue.Create(ScimSchemaUris.Group),
                JsonValue.Create(GroupId), JsonValue.Create("u1"), JsonValue.Create("User"), JsonValue.Create("Group"), JsonValue.Create(-3)),
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

    /// <summary>Arbitrary Group-shaped JSON never throws out of reading a group or a PATCH, nor out of deciding one: it is a value or a 400.</summary>
    [Property(Arbitrary = [typeof(GroupJsonBodies)], MaxTest = 1000)]
    public void ParseGroupAndPatch_ArbitraryJson_NeverThrow(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var operations = new ScimGroupOperations();
        var stored = new ScimStoredGroup(GroupId, "Stored", null, 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var groups = new Uri("https://x.example/Groups");
        var users = new Uri("https://x.example/Users");

        var group = ScimGroupOperations.ParseGroup(bytes);
        var patch = ScimGroupOperations.ParsePatch(bytes, GroupId);
        var patched = patch.TryGetValue(out var request) ? Answer(operations.Patch(stored, GroupId, request)) : patch.Error!.ToResponse();
        var created = group.TryGetValue(out var sent) ? Answer(operations.Create(sent, "new")) : group.Error!.ToResponse();
        var replaced = group.TryGetValue(out sent) ? Answer(operations.Replace(stored, GroupId, sent)) : group.Error!.ToResponse();

        patched.StatusCode.Should().BeOneOf(204, 400);
        created.StatusCode.Should().BeOneOf(201, 400);
        replaced.StatusCode.Should().BeOneOf(200, 400);

        ScimResponse Answer(ScimResult<ScimGroupDecision> decided) =>
            decided.TryGetValue(out var decision) ? decision.ToResponse(groups, users) : decided.Error.ToResponse();
    }

    private static string ToJson(Op op)
    {
        var values = new JsonArray([.. op.Values.Select(v => (JsonNode)new JsonObject { ["value"] = v })]);
        return op.Kind switch
        {
            MemberOp.Add => new JsonObject { ["op"] = "add", ["path"] = "members", ["value"] = values }.ToJsonString(),
            MemberOp.Remove => new JsonObject { ["op"] = "Remove", ["path"] = "members", ["value"] = values }.ToJsonString(),
            MemberOp.RemoveByFilter => new JsonObject
            {
                ["op"] = "remove",
                ["path"] = $"members[{string.Join(" or ", op.Values.Select(v => $"value eq \"{v}\""))}]",
            }.ToJsonString(),
            MemberOp.Replace => new JsonObject { ["op"] = "replace", ["path"] = "members", ["value"] = values }.ToJsonString(),
            _ => new JsonObject { ["op"] = "remove", ["path"] = "members" }.ToJsonString(),
        };
    }

    private static ScimResult<ScimGroupPatch> Read(byte[] body) =>
        ScimGroupPatch.Create(ScimPatchRequest.Parse(body).Value, GroupId);

    private static byte[] Body(params string[] operations) =>
        Encoding.UTF8.GetBytes($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""");
}
