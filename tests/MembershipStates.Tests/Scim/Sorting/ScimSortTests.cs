using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Tests.Scim.Filtering;

namespace MembershipStates.Tests.Scim.Sorting;

/// <summary><c>sortBy</c> and <c>sortOrder</c> (RFC 7644 §3.4.2.3): what is read, what is refused, and the order over wire-form resources.</summary>
public sealed class ScimSortTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "descending")]
    [InlineData("  ", null)]
    public void Parse_WithoutSortBy_IsNoSort(string? sortBy, string? sortOrder)
    {
        ScimSort.Parse(sortBy, sortOrder).Value.Should().BeNull();
    }

    [Theory]
    [InlineData("userName", null, ScimSortOrder.Ascending)]
    [InlineData("name.familyName", "ascending", ScimSortOrder.Ascending)]
    [InlineData("meta.lastModified", "DESCENDING", ScimSortOrder.Descending)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", " Descending ", ScimSortOrder.Descending)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:displayName", "", ScimSortOrder.Ascending)]
    public void Parse_ReadsTheKeyAndTheOrder(string sortBy, string? sortOrder, ScimSortOrder order)
    {
        var sort = ScimSort.Parse(sortBy, sortOrder).Value!;

        sort.SortBy.ToString().Should().Be(sortBy);
        sort.Order.Should().Be(order);
        sort.Reverse().Order.Should().NotBe(order);
        sort.Reverse().SortBy.Should().Be(sort.SortBy);
    }

    [Theory]
    [InlineData("userName", "sideways", "sortOrder")]
    [InlineData("user name", null, "attribute path")]
    [InlineData("addresses", null, "addresses.formatted")]
    [InlineData("name", null, "name.formatted")]
    [InlineData("emails[type eq \"work\"].value", null, "value filter")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", null, "sub-attributes")]
    public void Parse_RefusesWhatCannotBeAKey_As400InvalidValue(string sortBy, string? sortOrder, string named)
    {
        var result = ScimSort.Parse(sortBy, sortOrder);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be("invalidValue");
        result.Error.Detail.Should().Contain(named);
    }

    [Fact]
    public void Compare_IgnoresCaseWhereTheAttributeDoes_AndPutsMissingValuesLast()
    {
        JsonObject[] users =
        [
            User("1", displayName: "bob"),
            User("2", displayName: null),
            User("3", displayName: "Alice"),
            User("4", displayName: ""),
            User("5", displayName: "alice"),
            User("6", displayName: "Émile"),
        ];

        Sorted(users, "displayName", "ascending").Should().Equal("3", "5", "1", "6", "2", "4");
        Sorted(users, "displayName", "descending").Should().Equal("4", "2", "6", "1", "5", "3");
    }

    [Fact]
    public void Compare_KeepsCaseWhereTheAttributeIsCaseExact()
    {
        JsonObject[] users = [User("1", externalId: "b"), User("2", externalId: "B"), User("3", externalId: "a")];

        Sorted(users, "externalId", null).Should().Equal("2", "3", "1");
    }

    [Fact]
    public void Compare_OrdersDateTimesChronologically_NotAsText()
    {
        JsonObject[] users =
        [
            User("1", lastModified: "2011-05-13T06:42:34+02:00"),
            User("2", lastModified: "2011-05-13T04:42:35Z"),
            User("3", lastModified: "2011-05-13T04:42:33Z"),
        ];

        Sorted(users, "meta.lastModified", null).Should().Equal("3", "1", "2");
    }

    [Theory]
    [InlineData("emails")]
    [InlineData("emails.value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:Emails.Value")]
    public void Compare_ByAMultiValuedAttribute_UsesThePrimaryValueElseTheFirst(string sortBy)
    {
        JsonObject[] users =
        [
            // The primary value is "a...", though not first: it sorts first.
            Emails("1", """[{"value":"z@x"},{"value":"A@x","primary":true}]"""),
            // No primary: the first value, "c@x", not the smaller "b@x".
            Emails("2", """[{"value":"c@x","primary":false},{"value":"b@x"}]"""),
            // Entra's string "True" marks the primary too; a null in the list is no value.
            Emails("3", """[null,{"value":"d@x"},{"value":"B@x","primary":"True"}]"""),
            // A primary without a value: no key, even though another value has one.
            Emails("4", """[{"value":"a@x"},{"type":"work","primary":true}]"""),
            Emails("5", """[]"""),
            Emails("6", null),
        ];

        Sorted(users, sortBy, null).Should().Equal("1", "3", "2", "4", "5", "6");
        Sorted(users, sortBy, "descending").Should().Equal("6", "5", "4", "2", "3", "1");
    }

    [Fact]
    public void Compare_ByASubAttributeOfAMultiValuedAttribute_ReadsItFromThePrimaryValueElseTheFirst()
    {
        JsonObject[] users =
        [
            Emails("1", """[{"value":"a@x","type":"work"},{"value":"b@x","type":"Home","primary":true}]"""),
            Emails("2", """[{"value":"c@x","type":"other"},{"value":"d@x","type":"a"}]"""),
            Emails("3", """[{"value":"e@x"},{"value":"f@x","type":"a"}]"""),
        ];

        Sorted(users, "emails.type", null).Should().Equal("1", "2", "3");
    }

    private static JsonObject Emails(string id, string? emails)
    {
        var user = new JsonObject { ["id"] = id, ["userName"] = "u" + id };
        if (emails is not null)
        {
            user["emails"] = JsonNode.Parse(emails);
        }

        return user;
    }

    private static string[] Sorted(JsonObject[] users, string sortBy, string? sortOrder)
    {
        var sort = ScimSort.Parse(sortBy, sortOrder).Value!;
        return [.. users.Order(Comparer<JsonObject>.Create(sort.Compare)).Select(u => u["id"]!.GetValue<string>())];
    }

    private static JsonObject User(string id, string? displayName = null, string? externalId = null, string? lastModified = null) =>
        new TestUser { Id = id, UserName = "u" + id, DisplayName = displayName, ExternalId = externalId, LastModified = lastModified is null ? null : DateTimeOffset.Parse(lastModified, System.Globalization.CultureInfo.InvariantCulture) }.ToJson();
}
