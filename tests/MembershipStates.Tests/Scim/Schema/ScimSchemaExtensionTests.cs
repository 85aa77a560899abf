using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Tests.Scim.Schema;

/// <summary>A host's User schema extension: checked when declared, then listed, kept, patched and projected.</summary>
public sealed class ScimSchemaExtensionTests
{
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";
    private const string Undeclared = "urn:example:params:scim:schemas:extension:other:2.0:User";
    private static readonly Uri Users = new("https://app.example.com/scim/v2/organizations/acme/Users");
    private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ScimSchemaExtension AcmeExtension = new()
    {
        Id = Acme,
        Name = "AcmeUser",
        Description = "Acme's own attributes.",
        Attributes =
        [
            new() { Name = "badge", Description = "Badge number.", CaseExact = true },
            new() { Name = "remote", Type = ScimAttributeType.Boolean },
            new() { Name = "clearance", Type = ScimAttributeType.Integer },
            new() { Name = "skills", MultiValued = true },
            new() { Name = "secret", Returned = ScimReturned.Request },
            new() { Name = "pin", Mutability = ScimMutability.WriteOnly, Returned = ScimReturned.Never },
            new()
            {
                Name = "office",
                Type = ScimAttributeType.Complex,
                SubAttributes = [new() { Name = "building" }, new() { Name = "floor", Type = ScimAttributeType.Integer }],
            },
        ],
    };

    private static readonly ScimUserSchema Schema = ScimUserSchema.WithExtensions([AcmeExtension]);

    private readonly ScimUserOperations _operations = new(new MembershipLifecycle(), Schema);

    [Fact]
    public void Catalog_ResolvesExtensionAttributesAndSubAttributes_ByUrn()
    {
        Schema.Catalog.TryResolve($"{Acme}:badge", out var badge).Should().BeTrue();
        badge.IsKnown.Should().BeTrue();
        badge.Attribute!.SchemaId.Should().Be(Acme);
        badge.Attribute.CaseExact.Should().BeTrue();

        Schema.Catalog.TryResolve($"{Acme.ToUpperInvariant()}:OFFICE.floor", out var floor).Should().BeTrue();
        floor.IsKnown.Should().BeTrue();
        floor.Target!.Type.Should().Be(ScimAttributeType.Integer);

        Schema.Catalog.TryResolve($"{Acme}:nope", out var nope).Should().BeTrue();
        nope.IsKnown.Should().BeFalse();
        ScimUserSchema.Default.Catalog.FindSchema(Acme).Should().BeNull("the default schemas hold no host extension");
    }

    [Fact]
    public void WithExtensions_None_IsTheDefault() =>
        ScimUserSchema.WithExtensions([]).Should().BeSameAs(ScimUserSchema.Default);

    [Theory]
    [InlineData("acme:2.0:User", "badge", "must be a URN")]
    [InlineData("urn:example:acme User", "badge", "must be a URN")]
    [InlineData("urn:example:acme:", "badge", "must be a URN")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User", "badge", "schema this package defines")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER", "badge", "schema this package defines")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group", "badge", "schema this package defines")]
    [InlineData(Acme, "2fa", "must start with a letter")]
    [InlineData(Acme, "badge number", "must start with a letter")]
    [InlineData(Acme, "", "must start with a letter")]
    [InlineData(Acme, "bädge", "must start with a letter")]
    public void WithExtensions_BadUrnOrName_ThrowsNamingTheProblem(string id, string attribute, string problem)
    {
        var declare = () => ScimUserSchema.WithExtensions([new ScimSchemaExtension { Id = id, Name = "X", Attributes = [new() { Name = attribute }] }]);

        declare.Should().Throw<ArgumentException>().WithMessage($"*\"{id}\"*{problem}*");
    }

    [Fact]
    public void WithExtensions_StructuralMistakes_AreAllListed()
    {
        var declare = () => ScimUserSchema.WithExtensions(
        [
            AcmeExtension,
            new ScimSchemaExtension { Id = Acme.ToUpperInvariant(), Name = "Again", Attributes = [new() { Name = "x" }] },
            new ScimSchemaExtension
            {
                Id = Undeclared,
                Name = " ",
                Attributes =
                [
                    new() { Name = "tag" },
                    new() { Name = "TAG" },
                    new() { Name = "empty", Type = ScimAttributeType.Complex },
                    new() { Name = "flat", SubAttributes = [new() { Name = "x" }] },
                    new()
                    {
                        Name = "deep",
                        Type = ScimAttributeType.Complex,
                        SubAttributes = [new() { Name = "inner", Type = ScimAttributeType.Complex, SubAttributes = [new() { Name = "x" }] }],
                    },
                    new() { Name = "odd", Returned = (ScimReturned)42 },
                ],
            },
            new ScimSchemaExtension { Id = "urn:example:bare:User", Name = "Bare" },
        ]);

        var message = declare.Should().Throw<ArgumentException>().Which.Message;
        message.Should().Contain($"\"{Acme.ToUpperInvariant()}\" is declared twice")
            .And.Contain("the name must not be empty")
            .And.Contain("\"TAG\" is declared twice")
            .And.Contain("\"empty\": a complex attribute needs sub-attributes")
            .And.Contain("\"flat\": only a complex attribute has sub-attributes")
            .And.Contain("\"deep.inner\": a sub-attribute cannot be complex")
            .And.Contain("\"odd\": its type, mutability, returned or uniqueness is not a defined value")
            .And.Contain("\"urn:example:bare:User\": it declares no attributes");
    }

    [Fact]
    public void Create_KeepsTheDeclaredExtension_DropsWhatNoSchemaDeclares_AndListsItInSchemas()
    {
        var user = Parse($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Acme}}}","{{{Undeclared}}}"],"userName":"ada@example.com",
             "{{{Acme}}}":{"badge":"B-7","remote":true,"skills":["ml","ops"],"office":{"building":"North","floor":3,"wing":"E"},"colour":"red"},
             "{{{Undeclared}}}":{"shoeSize":44}}
            """);

        var operation = _operations.Create(user, existing: null, newId: "a1").Value;

        var stored = ScimJson.ToJsonObject(operation.Attributes!);
        stored.ContainsKey(Undeclared).Should().BeFalse("no schema of the server declares it");
        var acme = stored[Acme]!.AsObject();
        acme["badge"]!.GetValue<string>().Should().Be("B-7");
        acme["remote"]!.GetValue<bool>().Should().BeTrue();
        acme["skills"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("ml", "ops");
        acme["office"]!["floor"]!.GetValue<int>().Should().Be(3);
        acme["office"]!.AsObject().ContainsKey("wing").Should().BeFalse("office declares no wing");
        acme.ContainsKey("colour").Should().BeFalse("the extension declares no colour");

        var answered = Json(operation.ToResponse(Users));
        answered["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(ScimSchemaUris.User, Acme);
        answered[Acme]!["badge"]!.GetValue<string>().Should().Be("B-7");
    }

    [Theory]
    [InlineData(""" "badge":7 """, "badge")]
    [InlineData(""" "remote":"maybe" """, "remote")]
    [InlineData(""" "remote":1 """, "remote")]
    [InlineData(""" "clearance":2.5 """, "clearance")]
    [InlineData(""" "clearance":"2" """, "clearance")]
    [InlineData(""" "skills":"ml" """, "skills")]
    [InlineData(""" "skills":["ml",3] """, "skills")]
    [InlineData(""" "office":"North" """, "office")]
    [InlineData(""" "office":{"floor":true} """, "office.floor")]
    public void Create_AValueOfTheWrongType_Is400InvalidValue(string member, string path)
    {
        var result = _operations.Create(Parse($$$"""{"userName":"ada@example.com","{{{Acme}}}":{{{{member}}}}}"""), existing: null, newId: "a1");

        result.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        result.Error.Detail.Should().Contain($"'{Acme}:{path}'");
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
    }

    [Fact]
    public void Create_EntraStringBooleans_AreStoredAsBooleans()
    {
        var user = Parse($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"remote":"False","badge":null,"clearance":4}}""");

        var stored = ScimJson.ToJsonObject(_operations.Create(user, existing: null, newId: "a1").Value.Attributes!)[Acme]!;

        stored["remote"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
        stored["clearance"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public void Patch_AValueOfTheWrongType_Is400InvalidValue()
    {
        var current = Member($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}""");

        var result = _operations.Patch(current, "m1", PatchOf("""{"op":"add","path":"{0}:clearance","value":"high"}"""));

        result.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        result.Error.Detail.Should().Contain("clearance");
    }

    [Fact]
    public void Create_WithoutTheExtensionDeclared_DropsIt()
    {
        var user = Parse($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}""");

        var operation = new ScimUserOperations(new MembershipLifecycle()).Create(user, existing: null, newId: "a1").Value;

        ScimJson.ToJsonObject(operation.Attributes!).ContainsKey(Acme).Should().BeFalse();
    }

    [Fact]
    public void Replace_KeepsTheExtension()
    {
        var current = Member($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}""");

        var operation = _operations.Replace(current, "m1", Parse($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-8","clearance":2}}""")).Value;

        var acme = ScimJson.ToJsonObject(operation.Attributes!)[Acme]!;
        acme["badge"]!.GetValue<string>().Should().Be("B-8");
        acme["clearance"]!.GetValue<int>().Should().Be(2);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"{0}:badge","value":"B-9"}""", "badge", "\"B-9\"")]
    [InlineData("""{"op":"add","path":"{0}:office.building","value":"South"}""", "office", """{"building":"South","floor":3}""")]
    [InlineData("""{"op":"replace","path":"{0}:remote","value":"True"}""", "remote", "true")]
    [InlineData("""{"op":"add","path":"{0}:skills","value":["sql"]}""", "skills", """["ml","sql"]""")]
    [InlineData("""{"op":"replace","value":{"{0}":{"clearance":5}}}""", "clearance", "5")]
    [InlineData("""{"op":"replace","value":{"{0}:badge":"B-10"}}""", "badge", "\"B-10\"")]
    [InlineData("""{"op":"remove","path":"{0}:badge"}""", "badge", null)]
    public void Patch_UnderTheExtension_IsApplied(string operationJson, string attribute, string? expected)
    {
        var current = Member($$$$"""
            {"userName":"ada@example.com","{{{{Acme}}}}":{"badge":"B-7","remote":false,"skills":["ml"],"office":{"building":"North","floor":3}}}
            """);

        var result = _operations.Patch(current, "m1", PatchOf(operationJson));

        result.Error.Should().BeNull();
        var operation = result.Value;
        var acme = ScimJson.ToJsonObject(operation.Attributes!)[Acme]!.AsObject();
        if (expected is null)
        {
            acme.ContainsKey(attribute).Should().BeFalse();
        }
        else
        {
            JsonNode.DeepEquals(acme[attribute], JsonNode.Parse(expected)).Should().BeTrue("{0} is {1}", attribute, acme[attribute]?.ToJsonString());
        }

        Json(operation.ToResponse(Users))["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(Acme);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"{0}:colour","value":"red"}""")]
    [InlineData("""{"op":"add","path":"{0}:office.wing","value":"E"}""")]
    [InlineData("""{"op":"replace","path":"urn:example:params:scim:schemas:extension:other:2.0:User:badge","value":"B-9"}""")]
    [InlineData("""{"op":"replace","value":{"{0}:colour":"red"}}""")]
    public void Patch_UndeclaredPath_Is400InvalidPath_AndChangesNothing(string operationJson)
    {
        var current = Member($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}""");
        var patch = PatchOf($"[{{\"op\":\"replace\",\"path\":\"{Acme}:badge\",\"value\":\"B-9\"}},{operationJson.Replace("{0}", Acme, StringComparison.Ordinal)}]", raw: true);

        var result = _operations.Patch(current, "m1", patch);

        result.Error.Should().NotBeNull();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(ScimErrorTypes.InvalidPath);
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
    }

    [Fact]
    public void Patch_WithoutTheExtensionDeclared_Is400InvalidPath()
    {
        var current = Member($$$"""{"userName":"ada@example.com"}""");

        var result = new ScimUserOperations(new MembershipLifecycle()).Patch(current, "m1", PatchOf("""{"op":"replace","path":"{0}:badge","value":"B-9"}"""));

        result.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidPath);
    }

    [Fact]
    public void Projection_HonoursTheExtensionsReturned()
    {
        var current = Member($$$"""{"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7","secret":"s","pin":"1234"}}""");
        var response = _operations.Read(current, "m1").ToResponse(Users);

        var plain = Json(ScimAttributeProjection.ForUsers(null, null, Schema).Apply(response));
        var asked = Json(ScimAttributeProjection.ForUsers($"userName,{Acme}:secret,{Acme}:pin", null, Schema).Apply(response));
        var excluded = Json(ScimAttributeProjection.ForUsers(null, $"{Acme}:badge", Schema).Apply(response));
        var onlyCore = Json(ScimAttributeProjection.ForUsers("userName", null, Schema).Apply(response));

        plain[Acme]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("badge");
        asked[Acme]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["secret"], "returned request comes when asked for; returned never never does");
        excluded.ContainsKey(Acme).Should().BeFalse("badge was all it returned by default");
        excluded["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().NotContain(Acme);
        onlyCore.ContainsKey(Acme).Should().BeFalse();
    }

    [Fact]
    public void Discovery_ListsTheExtension()
    {
        var schemas = Json(ScimDiscovery.Schemas(userSchema: Schema))["Resources"]!.AsArray();
        var document = Json(ScimDiscovery.Schema(Acme.ToUpperInvariant(), userSchema: Schema));
        var resourceType = Json(ScimDiscovery.ResourceType("User", userSchema: Schema));

        schemas.Select(s => s!["id"]!.GetValue<string>()).Should().Equal(ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser, Acme);
        document["id"]!.GetValue<string>().Should().Be(Acme);
        document["name"]!.GetValue<string>().Should().Be("AcmeUser");
        document["description"]!.GetValue<string>().Should().Be("Acme's own attributes.");
        var badge = document["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "badge")!;
        JsonNode.DeepEquals(badge, JsonNode.Parse("""
            {"name":"badge","type":"string","multiValued":false,"description":"Badge number.","required":false,"caseExact":true,
             "mutability":"readWrite","returned":"default","uniqueness":"none"}
            """)).Should().BeTrue(badge.ToJsonString());
        var office = document["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "office")!;
        office["subAttributes"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().Equal("building", "floor");
        resourceType["schemaExtensions"]!.AsArray().Select(e => (e!["schema"]!.GetValue<string>(), e["required"]!.GetValue<bool>()))
            .Should().Equal((ScimSchemaUris.EnterpriseUser, false), (Acme, false));
        Json(ScimDiscovery.Schema(Acme)).Should().ContainKey("status", "without the extension declared it is a 404");
    }

    // A request body names the core schema; the tests' bodies add it when they leave it out.
    private static ScimUser Parse(string json) => ScimUserOperations.ParseUser(Encoding.UTF8.GetBytes(
        json.Contains("\"schemas\"", StringComparison.Ordinal) ? json : $"{{\"schemas\":[\"{ScimSchemaUris.User}\"],{json[1..]}")).Value;

    private static ScimMember Member(string json) =>
        new(MembershipSnapshot.Active("m1", 5, Then, Then), Parse(json).ToHostAttributes(Schema.Catalog));

    private static ScimPatchRequest PatchOf(string operations, bool raw = false)
    {
        var text = raw ? operations : "[" + operations.Replace("{0}", Acme, StringComparison.Ordinal) + "]";
        return ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes(
            $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{{text}}}}""")).Value;
    }

    private static JsonObject Json(ScimResponse response) => JsonNode.Parse(response.Body.Span)!.AsObject();
}
