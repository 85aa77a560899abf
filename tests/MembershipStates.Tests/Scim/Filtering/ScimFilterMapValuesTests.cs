using System.Linq.Expressions;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

/// <summary>Multi-valued attributes mapped to collections: a filter matches when one value satisfies all of it.</summary>
public sealed class ScimFilterMapValuesTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly TestUser Babs = new()
    {
        Id = "babs",
        UserName = "babs@example.com",
        Emails =
        [
            new TestValue("babs@home.example", "home", false, null),
            new TestValue("Barbara.Jensen@Example.com", "work", true, "Work address"),
        ],
        PhoneNumbers = [new TestValue("+1 555 0100", "mobile", null, null)],
        Addresses =
        [
            new TestAddress("Hollywood", "US", "91608", "home", null),
            new TestAddress("Göteborg", "SE", "411 01", "work", true),
        ],
    };

    private static readonly TestUser HomeOnly = new()
    {
        Id = "home-only",
        Emails = [new TestValue("kim@home.example", "home", true, null)],
    };

    [Theory]
    [InlineData("emails.value eq \"BARBARA.JENSEN@example.com\"", true)]
    [InlineData("emails eq \"babs@HOME.example\"", true)]
    [InlineData("emails.type eq \"work\"", true)]
    [InlineData("emails[type eq \"home\"]", true)]
    [InlineData("emails[primary eq true].value sw \"barbara\"", true)]
    [InlineData("emails[primary eq true].value sw \"babs\"", false)]
    [InlineData("emails[type eq \"work\" and primary eq true].value ew \"@example.COM\"", true)]
    [InlineData("emails[type eq \"home\" and primary eq true]", false)]
    [InlineData("emails[type eq \"work\"].display co \"ADDRESS\"", true)]
    [InlineData("emails[type eq \"home\"].display pr", false)]
    [InlineData("emails.display eq null", false)]
    [InlineData("not (emails.value eq \"nobody@example.com\")", true)]
    [InlineData("emails.value ne \"babs@home.example\"", true)]
    [InlineData("phoneNumbers[type eq \"mobile\"].value sw \"+1 555\"", true)]
    [InlineData("addresses.locality eq \"GÖTEBORG\"", true)]
    [InlineData("addresses[type eq \"work\"].country eq \"se\"", true)]
    [InlineData("addresses[type eq \"home\"].country eq \"se\"", false)]
    [InlineData("addresses[primary eq true and postalCode sw \"411\"]", true)]
    [InlineData("addresses pr", true)]
    public void Translate_ValuesOfACollection_MatchWhenOneValueSatisfiesTheWholeComparison(string filter, bool expected)
    {
        Translated(filter, Babs).Should().Be(expected);
        Evaluated(filter, Babs).Should().Be(expected);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"]")]
    [InlineData("emails[type eq \"work\"].value pr")]
    [InlineData("addresses pr")]
    [InlineData("phoneNumbers.value pr")]
    public void Translate_UserWithoutSuchAValue_DoesNotMatch(string filter)
    {
        Translated(filter, HomeOnly).Should().BeFalse();
        Evaluated(filter, HomeOnly).Should().BeFalse();
    }

    [Fact]
    public void Translate_QueryableValues_UseQueryableAnyWithTheValueFilterInside()
    {
        var emails = new[] { new Row("u1", "HOME", "A@HOME.EXAMPLE"), new Row("u2", "WORK", "B@WORK.EXAMPLE") }.AsQueryable();
        var map = new ScimFilterMap<Owner>().MapValues("emails", o => emails.Where(e => e.Owner == o.Id), email => email
            .MapNormalized("value", e => e.Value, Normalizers.Upper)
            .MapNormalized("type", e => e.Type, Normalizers.Upper));
        var filter = ScimFilter.Parse("emails[type eq \"work\"].value sw \"b@\"").Value;

        var predicate = map.Translate(filter).Value;

        var calls = new List<string>();
        new CallCollector(calls).Visit(predicate);
        calls.Should().Contain("Queryable.Any");
        new[] { new Owner("u1"), new Owner("u2") }.AsQueryable().Where(predicate).Select(o => o.Id).Should().Equal("u2");
    }

    [Theory]
    [InlineData("emails.frobnicate eq \"x\"", "emails.frobnicate")]
    [InlineData("emails[frobnicate eq \"x\"]", "emails[frobnicate eq \"x\"]")]
    [InlineData("ims.value eq \"x\"", "ims.value")]
    public void Translate_UnmappedSubAttribute_IsInvalidFilterListingTheMappedOnes(string filter, string named)
    {
        var parsed = ScimFilter.Parse(filter).Value;

        var error = TestUser.Map.Translate(parsed).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain($"'{named}'").And.Contain("emails.value, emails.type, emails.primary").And.Contain("addresses.locality");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("emails.value")]
    [InlineData("emails[type eq \"work\"]")]
    public void MapValues_PathThatIsNoAttributeOrASingleValuedComplexOne_Throws(string path)
    {
        var map = () => new ScimFilterMap<Owner>().MapValues(path, o => o.Emails, email => email.Map("value", e => e.Value));

        map.Should().Throw<ArgumentException>().WithParameterName("attributePath");
    }

    [Fact]
    public void MapValues_SingleValuedSimpleAttribute_MapsItsValueAlone()
    {
        var asValue = () => new ScimFilterMap<Owner>().MapValues("userName", o => o.Emails, email => email.Map("value", e => e.Value));
        var asType = () => new ScimFilterMap<Owner>().MapValues("userName", o => o.Emails, email => email.Map("type", e => e.Type));

        asValue.Should().NotThrow("a host may keep a simple attribute as a row of a child table");
        asType.Should().Throw<ArgumentException>().WithParameterName("mapValue");
    }

    [Fact]
    public void MapValues_AttributeAlreadyMappedEitherWay_Throws()
    {
        var scalarFirst = () => new ScimFilterMap<Owner>().Map("emails.value", o => o.Id).MapValues("emails", o => o.Emails, email => email.Map("value", e => e.Value));
        var collectionFirst = () => new ScimFilterMap<Owner>().MapValues("emails", o => o.Emails, email => email.Map("value", e => e.Value)).Map("emails[type eq \"work\"].value", o => o.Id);

        scalarFirst.Should().Throw<ArgumentException>().WithMessage("*already mapped*");
        collectionFirst.Should().Throw<ArgumentException>().WithMessage("*already mapped*");
    }

    [Fact]
    public void MapValues_NormalizedCaseExactSubAttribute_Throws()
    {
        var map = () => new ScimFilterMap<Owner>().MapValues("x509Certificates", o => o.Emails, certificate => certificate.MapNormalized("value", e => e.Value, Normalizers.Upper));

        map.Should().Throw<ArgumentException>().WithParameterName("mapValue");
    }

    [Fact]
    public void MapValues_ListsEachSubAttributeAmongTheMappedAttributes()
    {
        var map = new ScimFilterMap<Owner>().Map("id", o => o.Id)
            .MapValues(Enterprise.Replace("enterprise:2.0:User", "acme:2.0:User", StringComparison.Ordinal) + ":badges", o => o.Emails, badge => badge.Map("value", e => e.Value).Map("type", e => e.Type));

        map.Attributes.Select(a => a.ToString()).Should().Equal("id", "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badges.value", "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badges.type");
    }

    private static bool Translated(string filter, TestUser user)
    {
        var parsed = ScimFilter.Parse(filter).Value;
        var normalized = TestUser.UpperNormalizedMap.Translate(parsed).Value;
        var predicate = TestUser.Map.Translate(parsed).Value;
        var matches = predicate.Compile()(user);
        normalized.Compile()(user).Should().Be(matches, "a normalized column answers as a folded one");
        return matches;
    }

    private static bool Evaluated(string filter, TestUser user)
    {
        var parsed = ScimFilter.Parse(filter).Value;
        var matches = parsed.Evaluate(user.ToJson()).Value;
        return matches;
    }

    public sealed record Owner(string Id)
    {
        public IReadOnlyList<Row> Emails { get; init; } = [];
    }

    public sealed record Row(string Owner, string? Type, string? Value);

    private sealed class CallCollector(List<string> calls) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            calls.Add($"{node.Method.DeclaringType!.Name}.{node.Method.Name}");
            return base.VisitMethodCall(node);
        }
    }
}
