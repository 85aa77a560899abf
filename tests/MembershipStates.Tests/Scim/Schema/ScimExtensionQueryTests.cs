using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Tests.Scim.Schema;

/// <summary>Filters and <c>sortBy</c> on the attributes of a host's User schema extension, parsed against the server's schemas.</summary>
public sealed class ScimExtensionQueryTests
{
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    private static readonly ScimUserSchema Schema = ScimUserSchema.WithExtensions(
    [
        new ScimSchemaExtension
        {
            Id = Acme,
            Name = "AcmeUser",
            Attributes =
            [
                new() { Name = "badge", CaseExact = true },
                new() { Name = "costCenter" },
                new() { Name = "remote", Type = ScimAttributeType.Boolean },
                new() { Name = "level", Type = ScimAttributeType.Integer },
                new() { Name = "pin", Mutability = ScimMutability.WriteOnly },
                new() { Name = "skills", MultiValued = true },
                new()
                {
                    Name = "office",
                    Type = ScimAttributeType.Complex,
                    SubAttributes = [new() { Name = "building" }, new() { Name = "floor", Type = ScimAttributeType.Integer }],
                },
            ],
        },
    ]);

    private static readonly JsonObject Ada = JsonNode.Parse($$$$"""
        {"id":"1","userName":"ada","{{{{Acme}}}}":{"badge":"B-7","costCenter":"Nord","remote":true,"level":10,"pin":"1234","office":{"building":"Nord","floor":3}}}
        """)!.AsObject();

    [Theory]
    [InlineData($"{Acme}:costCenter eq \"nord\"", true)]
    [InlineData($"{Acme}:badge eq \"b-7\"", false)]
    [InlineData($"{Acme}:badge eq \"B-7\"", true)]
    [InlineData($"{Acme}:remote eq true", true)]
    [InlineData($"{Acme}:level gt 9", true)]
    [InlineData($"{Acme}:level gt 10", false)]
    [InlineData($"{Acme}:office.floor ge 3 and {Acme}:office.building sw \"no\"", true)]
    [InlineData($"{Acme}:office pr", true)]
    [InlineData($"not ({Acme}:badge pr)", false)]
    [InlineData("URN:EXAMPLE:PARAMS:SCIM:SCHEMAS:EXTENSION:ACME:2.0:USER:COSTCENTER eq \"NORD\"", true)]
    public void Parse_DeclaredExtensionAttribute_EvaluatesAsDeclared(string text, bool expected)
    {
        var filter = ScimFilter.Parse(text, Schema).Value;

        var matches = filter.Evaluate(Ada).Value;

        matches.Should().Be(expected, "badge is caseExact, costCenter is not, level and floor are integers");
    }

    [Theory]
    [InlineData($"{Acme}:colour eq \"red\"", "'colour' is not an attribute of " + Acme)]
    [InlineData($"{Acme}:office.wing eq \"E\"", "'wing' is not a sub-attribute of 'office'")]
    [InlineData("urn:example:other:2.0:User:badge eq \"x\"", "does not serve")]
    [InlineData("colour eq \"red\"", "'colour' is not an attribute of the User resource")]
    [InlineData("emails[kind eq \"work\"]", "'kind' is not a sub-attribute of 'emails'")]
    [InlineData($"{Acme}:pin eq \"1234\"", "is writeOnly")]
    [InlineData($"{Acme}:level eq \"10\"", "is a number")]
    [InlineData($"{Acme}:remote gt true", "cannot be ordered")]
    public void Parse_UndeclaredOrUnusable_IsInvalidFilterSayingWhy(string text, string reason)
    {
        var error = ScimFilter.Parse(text, Schema).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain(reason);
    }

    [Fact]
    public void Parse_WithoutSchema_StillAcceptsUnknownNames() =>
        ScimFilter.Parse("colour eq \"red\"").IsSuccess.Should().BeTrue();

    [Fact]
    public void SortParse_DeclaredExtensionAttribute_ComparesAsDeclared()
    {
        var badge = ScimSort.Parse($"{Acme}:badge", null, Schema).Value!;
        var costCenter = ScimSort.Parse($"{Acme}:costCenter", "descending", Schema).Value!;
        var upper = JsonNode.Parse($$$$"""{"id":"2","{{{{Acme}}}}":{"badge":"Z","costCenter":"Z"}}""")!.AsObject();
        var lower = JsonNode.Parse($$$$"""{"id":"3","{{{{Acme}}}}":{"badge":"a","costCenter":"a"}}""")!.AsObject();

        badge.Compare(upper, lower).Should().BeNegative("caseExact: 'Z' sorts before 'a' by code point");
        costCenter.Compare(upper, lower).Should().BeNegative("case-insensitive descending: 'Z' before 'A'");
    }

    [Theory]
    [InlineData($"{Acme}:colour", "'colour' is not an attribute")]
    [InlineData($"{Acme}:pin", "writeOnly")]
    [InlineData($"{Acme}:office", "sub-attribute")]
    public void SortParse_UndeclaredWriteOnlyOrComplex_Is400InvalidValue(string sortBy, string reason)
    {
        var sort = ScimSort.Parse(sortBy, null, Schema);

        sort.IsSuccess.Should().BeFalse();
        sort.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        sort.Error.Detail.Should().Contain(reason);
    }

    [Fact]
    public void FilterMap_WithTheSchema_TranslatesExtensionAttributesAsTheEvaluatorCompares()
    {
        var map = new ScimFilterMap<Row>(Schema)
            .Map("id", r => r.Id)
            .Map($"{Acme}:badge", r => r.Badge)
            .Map($"{Acme}:costCenter", r => r.CostCenter)
            .Map($"{Acme}:level", r => r.Level);
        var rows = new[] { new Row("1", "B-7", "Nord", 10), new Row("2", "b-7", "nord", 3), new Row("3", null, null, null) };

        string[] Select(string text)
        {
            var filter = ScimFilter.Parse(text, Schema).Value;
            var predicate = map.Translate(filter).Value;
            return [.. rows.AsQueryable().Where(predicate).Select(r => r.Id)];
        }

        Select($"{Acme}:badge eq \"B-7\"").Should().Equal("1");
        Select($"{Acme}:costCenter eq \"NORD\"").Should().Equal("1", "2");
        Select($"{Acme}:level lt 5").Should().Equal("2");
        Select($"{Acme}:level pr").Should().Equal("1", "2");
    }

    [Fact]
    public void FilterMap_WithTheSchema_RefusesToNormalizeACaseExactExtensionAttribute()
    {
        var map = () => new ScimFilterMap<Row>(Schema).MapNormalized($"{Acme}:badge", r => r.Badge, static v => v.ToUpperInvariant());

        map.Should().Throw<ArgumentException>().WithMessage("*not a case-insensitive string*");
    }

    [Fact]
    public void FilterMap_ExtensionAttributeNotMapped_IsInvalidFilterListingWhatIs()
    {
        var map = new ScimFilterMap<Row>(Schema).Map("id", r => r.Id);
        var filter = ScimFilter.Parse($"{Acme}:badge eq \"x\"", Schema).Value;

        var error = map.Translate(filter).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain("id");
    }

    [Fact]
    public void FilterMap_MultiValuedSimpleExtensionAttribute_MatchesWhenAnyValueDoes()
    {
        var map = new ScimFilterMap<Row>(Schema)
            .Map("id", r => r.Id)
            .MapValues($"{Acme}:skills", r => r.Skills, value => value.MapNormalized("value", s => s, static v => v.ToUpperInvariant()));
        var rows = new[] { new Row("1", null, null, null) { Skills = ["ML", "OPS"] }, new Row("2", null, null, null) { Skills = ["SQL"] }, new Row("3", null, null, null) };

        string[] Select(string text)
        {
            var filter = ScimFilter.Parse(text, Schema).Value;
            var predicate = map.Translate(filter).Value;
            var selected = rows.AsQueryable().Where(predicate).Select(r => r.Id).ToArray();
            var evaluated = rows.Where(r => filter.Evaluate(Json(r)).Value).Select(r => r.Id).ToArray();
            selected.Should().Equal(evaluated, "the translation agrees with the evaluator on {0}", text);
            return selected;
        }

        Select($"{Acme}:skills eq \"ops\"").Should().Equal("1");
        Select($"{Acme}:skills sw \"s\"").Should().Equal("2");
        Select($"{Acme}:skills pr").Should().Equal("1", "2");
        Select($"not ({Acme}:skills ne \"sql\")").Should().Equal("2", "3");
    }

    [Fact]
    public void FilterMap_MultiValuedSimpleExtensionAttribute_MapsItsValuesAsValueOnly()
    {
        var map = () => new ScimFilterMap<Row>(Schema).MapValues($"{Acme}:skills", r => r.Skills, value => value.Map("type", s => s));

        map.Should().Throw<ArgumentException>().WithMessage("*simple attribute*\"value\" only*");
    }

    [Fact]
    public void Discovery_AnnouncesAWriteOnlyAttributeAsNeverReturned()
    {
        var document = JsonNode.Parse(ScimDiscovery.Schema(Acme, userSchema: Schema).Body.Span)!;

        var pin = document["attributes"]!.AsArray().Single(a => (string)a!["name"]! == "pin")!;

        ((string)pin["mutability"]!).Should().Be("writeOnly");
        ((string)pin["returned"]!).Should().Be("never");
    }

    /// <summary>A host's entity with extension attributes in columns of their own, its skills as a list.</summary>
    public sealed record Row(string Id, string? Badge, string? CostCenter, int? Level)
    {
        public IReadOnlyList<string> Skills { get; init; } = [];
    }

    private static JsonObject Json(Row row) => new()
    {
        ["id"] = row.Id,
        [Acme] = new JsonObject { ["skills"] = new JsonArray([.. row.Skills.Select(s => (JsonNode)JsonValue.Create(s))]) },
    };

}
