using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Tests.Scim.Schema;

/// <summary>The <c>mutability</c> and <c>uniqueness</c> of a host's extension attributes, as POST, PUT and PATCH enforce them.</summary>
public sealed class ScimExtensionMutabilityTests
{
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";
    private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ScimUserSchema Schema = ScimUserSchema.WithExtensions(
    [
        new ScimSchemaExtension
        {
            Id = Acme,
            Name = "AcmeUser",
            Attributes =
            [
                new() { Name = "badge" },
                new() { Name = "hired", Mutability = ScimMutability.ReadOnly },
                new() { Name = "employeeId", Mutability = ScimMutability.Immutable },
                new() { Name = "pin", Mutability = ScimMutability.WriteOnly },
                new()
                {
                    Name = "office",
                    Type = ScimAttributeType.Complex,
                    SubAttributes = [new() { Name = "building" }, new() { Name = "desk", Mutability = ScimMutability.Immutable }, new() { Name = "audited", Mutability = ScimMutability.ReadOnly }],
                },
            ],
        },
    ]);

    private readonly ScimUserOperations _operations = new(new MembershipLifecycle(), Schema);

    [Fact]
    public void Create_ReadOnlyValuesAreIgnored_ImmutableAndWriteOnlyAreKept()
    {
        var result = _operations.Create(Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{"badge":"B","hired":"2020","employeeId":"E1","pin":"1234","office":{"desk":"D1","audited":"yes"}}}"""), null, "m1");

        result.Error.Should().BeNull();
        JsonNode.DeepEquals(Acme_(result), JsonNode.Parse("""{"badge":"B","employeeId":"E1","pin":"1234","office":{"desk":"D1"}}"""))
            .Should().BeTrue(Acme_(result)?.ToJsonString());
    }

    [Fact]
    public void Read_NeverReturnsAWriteOnlyValue()
    {
        var member = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"badge":"B","pin":"1234"}}""");
        var response = _operations.Read(member, "m1").ToResponse(new Uri("https://app.example.com/scim/v2/Users"));

        var plain = JsonNode.Parse(ScimAttributeProjection.ForUsers(null, null, Schema).Apply(response).Body.Span)!;
        var asked = JsonNode.Parse(ScimAttributeProjection.ForUsers($"{Acme}:pin", null, Schema).Apply(response).Body.Span)!;

        plain[Acme]!.AsObject().ContainsKey("pin").Should().BeFalse();
        asked.AsObject().ContainsKey(Acme).Should().BeFalse("asking for a writeOnly attribute does not return it");
    }

    [Fact]
    public void Replace_KeepsTheStoredReadOnlyAndImmutableValues_WhatEverIsSent()
    {
        var current = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"hired":"2020","employeeId":"E1","office":{"desk":"D1","audited":"yes"}}}""");

        var result = _operations.Replace(current, "m1", Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{"badge":"B","hired":"1999","office":{"building":"N","audited":"no"}}}"""));

        result.Error.Should().BeNull();
        JsonNode.DeepEquals(Acme_(result), JsonNode.Parse("""{"badge":"B","hired":"2020","office":{"building":"N","audited":"yes","desk":"D1"},"employeeId":"E1"}"""))
            .Should().BeTrue(Acme_(result)?.ToJsonString());
    }

    [Fact]
    public void Replace_ImmutableWithoutAValue_IsSet_AndTheSameValueIsNoChange()
    {
        var empty = Member("""{"userName":"ada"}""");
        var set = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"employeeId":"E1"}}""");

        var first = _operations.Replace(empty, "m1", Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{"employeeId":"E1"}}"""));
        var again = _operations.Replace(set, "m1", Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{"employeeId":"E1"}}"""));

        first.Error.Should().BeNull();
        Acme_(first)!["employeeId"]!.GetValue<string>().Should().Be("E1");
        again.Error.Should().BeNull();
        again.Value.RequiresCommit.Should().BeFalse("nothing changes");
    }

    [Theory]
    [InlineData("""{"employeeId":"E2"}""", "employeeId")]
    [InlineData("""{"employeeId":"E1","office":{"desk":"D2"}}""", "office.desk")]
    public void Replace_ChangingAnImmutableValue_Is400Mutability(string sent, string named)
    {
        var current = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"employeeId":"E1","office":{"desk":"D1"}}}""");

        var result = _operations.Replace(current, "m1", Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{{{{sent}}}}}"""));

        ShouldBeMutability(result, named);
    }

    [Fact]
    public void Create_ReviveKeepsTheStoredReadOnlyValue()
    {
        var inactive = new ScimMember(MembershipSnapshot.Inactive("m1", 3, Then, Then, Then), Host($$$$"""{"userName":"ada","{{{{Acme}}}}":{"hired":"2020"}}"""));

        var result = _operations.Create(Parse($$$$"""{"userName":"ada","{{{{Acme}}}}":{"hired":"1999"}}"""), inactive, "m2");

        result.Error.Should().BeNull();
        Acme_(result)!["hired"]!.GetValue<string>().Should().Be("2020");
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"{0}:hired","value":"2020"}""", "hired")]
    [InlineData("""{"op":"remove","path":"{0}:hired"}""", "hired")]
    [InlineData("""{"op":"add","path":"{0}:office.audited","value":"no"}""", "office.audited")]
    [InlineData("""{"op":"replace","value":{"{0}":{"hired":"1999"}}}""", "hired")]
    [InlineData("""{"op":"replace","path":"{0}:office","value":{"audited":"no"}}""", "office.audited")]
    [InlineData("""{"op":"replace","path":"{0}:employeeId","value":"E2"}""", "employeeId")]
    [InlineData("""{"op":"remove","path":"{0}:employeeId"}""", "employeeId")]
    [InlineData("""{"op":"replace","value":{"{0}:office.desk":"D2"}}""", "office.desk")]
    public void Patch_ReadOnlyOrAssignedImmutable_Is400Mutability_AndChangesNothing(string operation, string named)
    {
        var current = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"hired":"2020","employeeId":"E1","office":{"desk":"D1","audited":"yes"}}}""");
        var patch = PatchOf($$$$"""{"op":"replace","path":"{0}:badge","value":"B"},{{{{operation}}}}""");

        var answer = _operations.Patch(current, "m1", patch);

        ShouldBeMutability(answer, named);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"{0}:employeeId","value":"E1"}""")]
    [InlineData("""{"op":"add","path":"{0}:office.desk","value":"D1"}""")]
    [InlineData("""{"op":"replace","value":{"{0}":{"pin":"9"}}}""")]
    public void Patch_ImmutableWithoutAValueOrWriteOnly_IsApplied(string operation)
    {
        var current = Member("""{"userName":"ada"}""");

        var answer = _operations.Patch(current, "m1", PatchOf(operation));

        answer.Error.Should().BeNull();
        answer.Value.RequiresCommit.Should().BeTrue();
    }

    [Fact]
    public void Patch_ResendingTheStoredImmutableValue_IsNoChange()
    {
        var current = Member($$$$"""{"userName":"ada","{{{{Acme}}}}":{"hired":"2020","employeeId":"E1","office":{"desk":"D1"}}}""");

        var answer = _operations.Patch(current, "m1", PatchOf("""{"op":"replace","value":{"{0}":{"employeeId":"E1","office":{"desk":"D1"}}}}"""));

        answer.Error.Should().BeNull();
        answer.Value.RequiresCommit.Should().BeFalse();
    }

    [Theory]
    [InlineData(ScimUniqueness.Server, "server")]
    [InlineData(ScimUniqueness.Global, "global")]
    public void WithExtensions_Uniqueness_IsRefusedAsNotEnforced(ScimUniqueness uniqueness, string named)
    {
        var declare = () => ScimUserSchema.WithExtensions(
            [new ScimSchemaExtension { Id = Acme, Name = "AcmeUser", Attributes = [new() { Name = "badge", Uniqueness = uniqueness }] }]);

        declare.Should().Throw<ArgumentException>().WithMessage($"*\"badge\": uniqueness \"{named}\" is not enforced*");
    }

    [Fact]
    public void WithExtensions_AReadOnlySubAttributeOfAMultiValuedOne_IsRefused()
    {
        var declare = () => ScimUserSchema.WithExtensions(
        [
            new ScimSchemaExtension
            {
                Id = Acme,
                Name = "AcmeUser",
                Attributes = [new() { Name = "desks", Type = ScimAttributeType.Complex, MultiValued = true, SubAttributes = [new() { Name = "id", Mutability = ScimMutability.ReadOnly }] }],
            },
        ]);

        declare.Should().Throw<ArgumentException>().WithMessage("*\"desks.id\": a sub-attribute of a multi-valued attribute takes the attribute's mutability*");
    }

    private static void ShouldBeMutability(ScimResult<ScimUserDecision> result, string named)
    {
        result.Error.Should().NotBeNull();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(ScimErrorTypes.Mutability);
        result.Error.Detail.Should().Contain($"{Acme}:{named}'");
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
    }

    private static JsonNode? Acme_(ScimResult<ScimUserDecision> result) => ScimJson.ToJsonObject(result.Value.Attributes!)[Acme];

    private static ScimUser Parse(string json) => ScimUserOperations.ParseUser(Encoding.UTF8.GetBytes($"{{\"schemas\":[\"{ScimSchemaUris.User}\"],{json[1..]}")).Value;

    private static ScimUser Host(string json) => Parse(json).ToHostAttributes(Schema.Catalog);

    private static ScimMember Member(string json) => new(MembershipSnapshot.Active("m1", 5, Then, Then), Host(json));

    private static ScimPatchRequest PatchOf(string operations) =>
        ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes(
            $$$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{{{operations.Replace("{0}", Acme, StringComparison.Ordinal)}}}}]}""")).Value;
}
