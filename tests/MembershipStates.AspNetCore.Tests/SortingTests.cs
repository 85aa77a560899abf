using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// <c>sortBy</c> and <c>sortOrder</c> (RFC 7644 §3.4.2.3) against the sample host: the database's order is the one
/// <see cref="ScimSort.Compare"/> gives, pages of a sorted list neither overlap nor skip, and what cannot be sorted
/// by is a 400 <c>invalidValue</c>.
/// </summary>
public abstract class SortingTests(SampleHostFixture host)
{
    private readonly ScimClient _scim = host.Client();

    [SkippableFact]
    public async Task SortByUserName_IgnoresCase_InEveryScript_AndDescendingIsBackwards()
    {
        var prefix = Prefix();
        string[] names = ["bob", "Alice", "alicia", "ÉMILE", "åsa", "Carl", "ÅSE"];
        foreach (var name in names)
        {
            await CreateAsync($"{prefix}{name}@example.com", displayName: null);
        }

        var ascending = await ListAsync(prefix, "sortBy=userName");
        var descending = await ListAsync(prefix, "sortBy=userName&sortOrder=descending");

        UserNames(ascending).Should().Equal(new[] { "Alice", "alicia", "bob", "Carl", "åsa", "ÅSE", "ÉMILE" }.Select(n => $"{prefix}{n}@example.com"));
        UserNames(descending).Should().Equal(UserNames(ascending).AsEnumerable().Reverse());
        ShouldBeInTheOrderOf(ascending, "userName", "ascending");
    }

    [SkippableFact]
    public async Task SortByDisplayName_PutsUsersWithoutOneLastAscendingAndFirstDescending_TiesByIdBothWays()
    {
        var prefix = Prefix();
        string?[] displayNames = ["bob", "Alice", null, "alice", "", "Carol", "ALICE"];
        foreach (var (displayName, i) in displayNames.Select((d, i) => (d, i)))
        {
            await CreateAsync($"{prefix}{i}@example.com", displayName);
        }

        var ascending = await ListAsync(prefix, "sortBy=displayName&sortOrder=ascending");
        var descending = await ListAsync(prefix, "sortBy=displayName&sortOrder=descending");

        ascending.Take(3).Select(u => ((string)u!["displayName"]!).ToUpperInvariant()).Should().AllBe("ALICE", "the three spellings of alice come first");
        ascending.Take(3).Select(u => (string)u!["id"]!).Should().BeInAscendingOrder(StringComparer.Ordinal, "ties are broken by id");
        ascending.Skip(3).Take(2).Select(u => (string?)u!["displayName"]).Should().Equal("bob", "Carol");
        ascending.Skip(5).Should().OnlyContain(u => string.IsNullOrEmpty((string?)u!["displayName"]), "users without a displayName come last");
        Ids(descending).Should().Equal(Ids(ascending).AsEnumerable().Reverse());
        ShouldBeInTheOrderOf(ascending, "displayName", "ascending");
        ShouldBeInTheOrderOf(descending, "displayName", "descending");
    }

    [SkippableTheory]
    [InlineData("sortBy=displayName")]
    [InlineData("sortBy=displayName&sortOrder=descending")]
    [InlineData("sortBy=meta.created&sortOrder=descending")]
    [InlineData("")]
    public async Task PagesOfASortedList_NeitherOverlapNorSkip(string sort)
    {
        var prefix = Prefix();
        string?[] displayNames = ["same", "Same", "SAME", null, "other", "same", "", "x"];
        foreach (var (displayName, i) in displayNames.Select((d, i) => (d, i)))
        {
            await CreateAsync($"{prefix}{i}@example.com", displayName);
        }

        var whole = Ids(await ListAsync(prefix, sort));
        var paged = new List<string>();
        for (var start = 1; start <= displayNames.Length; start += 3)
        {
            paged.AddRange(Ids(await ListAsync(prefix, $"{sort}&startIndex={start}&count=3")));
        }

        whole.Should().HaveCount(displayNames.Length).And.OnlyHaveUniqueItems();
        paged.Should().Equal(whole);
    }

    [SkippableFact]
    public async Task ADeepPage_IsTheSameAsReadFromTheStart()
    {
        var prefix = Prefix();
        for (var i = 0; i < 9; i++)
        {
            await CreateAsync($"{prefix}{i}@example.com", $"d{8 - i}");
        }

        // Pages past the middle are read from the end; they must be the very same members in the same order.
        foreach (var sort in new[] { string.Empty, "&sortBy=displayName", "&sortBy=displayName&sortOrder=descending" })
        {
            var whole = Ids(await ListAsync(prefix, sort.TrimStart('&')));
            for (var start = 1; start <= 9; start++)
            {
                Ids(await ListAsync(prefix, $"startIndex={start}&count=4{sort}")).Should().Equal(whole.Skip(start - 1).Take(4), "startIndex={0}{1}", start, sort);
            }
        }
    }

    [SkippableFact]
    public async Task SortByEmails_UsesThePrimaryAddressElseTheFirst_InTheOrderOfCompare_AndPagesNeitherOverlapNorSkip()
    {
        var prefix = Prefix();
        string[] emails =
        [
            """[{"value":"zed@x","type":"work"},{"value":"Ann@x","primary":true}]""",
            """[{"value":"cyd@x"},{"value":"bea@x"}]""",
            """[{"value":"Émile@x","primary":true}]""",
            """[]""",
            """[{"value":"bea@x","primary":false},{"value":"aaa@x","type":"home"}]""",
            """[{"value":"a@x"},{"value":"Bea@x","primary":true}]""",
            """[{"value":"ANN@x"}]""",
            """[{"value":"dan@x"},{"value":"Åsa@x","primary":"True"}]""",
        ];
        for (var i = 0; i < emails.Length; i++)
        {
            await CreateAsync($"{prefix}{i}@example.com", displayName: null, JsonNode.Parse(emails[i]));
        }

        foreach (var sortBy in new[] { "emails.value", "emails" })
        {
            var ascending = await ListAsync(prefix, $"sortBy={sortBy}");
            var descending = await ListAsync(prefix, $"sortBy={sortBy}&sortOrder=descending");

            var names = UserNames(ascending).Select(n => n[prefix.Length..^"@example.com".Length]).ToList();
            names.Take(2).Should().BeEquivalentTo(["0", "6"], "Ann@x is 0's primary address and 6's only one");
            Ids(ascending).Take(2).Should().BeInAscendingOrder(StringComparer.Ordinal, "ties are broken by id");
            names.Skip(2).Take(2).Should().BeEquivalentTo(["4", "5"], "bea@x is 4's first address (its primary is false) and 5's primary one");
            Ids(ascending).Skip(2).Take(2).Should().BeInAscendingOrder(StringComparer.Ordinal, "ties are broken by id");
            names.Skip(4).Should().Equal(["1", "7", "2", "3"], "the first address without a primary, Entra's string True a primary too, no address last");
            Ids(descending).Should().Equal(Ids(ascending).AsEnumerable().Reverse());
            ShouldBeInTheOrderOf(ascending, sortBy, "ascending");
            ShouldBeInTheOrderOf(descending, sortBy, "descending");

            foreach (var order in new[] { "ascending", "descending" })
            {
                var whole = Ids(order == "ascending" ? ascending : descending);
                var paged = new List<string>();
                for (var start = 1; start <= emails.Length; start += 3)
                {
                    paged.AddRange(Ids(await ListAsync(prefix, $"sortBy={sortBy}&sortOrder={order}&startIndex={start}&count=3")));
                }

                paged.Should().Equal(whole, "pages of sortBy={0}&sortOrder={1} neither overlap nor skip", sortBy, order);
            }
        }
    }

    [SkippableFact]
    public async Task SortByASubAttributeOfPhoneNumbers_ReadsThePrimaryValueElseTheFirst()
    {
        var prefix = Prefix();
        string[] phoneNumbers =
        [
            """[{"value":"+1 555","type":"work"},{"value":"+9","type":"Home","primary":true}]""",
            """[{"value":"+2","type":"other"},{"value":"+3","type":"a"}]""",
            """[{"value":"+4"},{"value":"+5","type":"a"}]""",
        ];
        for (var i = 0; i < phoneNumbers.Length; i++)
        {
            await CreateAsync($"{prefix}{i}@example.com", displayName: null, phoneNumbers: JsonNode.Parse(phoneNumbers[i]));
        }

        var byType = await ListAsync(prefix, "sortBy=phoneNumbers.type");
        var byValue = await ListAsync(prefix, "sortBy=phoneNumbers&sortOrder=descending");

        UserNames(byType).Should().Equal(new[] { "0", "1", "2" }.Select(n => $"{prefix}{n}@example.com"));
        UserNames(byValue).Should().Equal(new[] { "0", "2", "1" }.Select(n => $"{prefix}{n}@example.com"));
        ShouldBeInTheOrderOf(byType, "phoneNumbers.type", "ascending");
        ShouldBeInTheOrderOf(byValue, "phoneNumbers", "descending");
    }

    [SkippableTheory]
    [InlineData("sortBy=frobnicate", "frobnicate")]
    [InlineData("sortBy=addresses", "sub-attributes")]
    [InlineData("sortBy=groups.value", "cannot sort by 'groups.value'")]
    [InlineData("sortBy=name", "sub-attributes")]
    [InlineData("sortBy=urn:example:ext:1.0:User:badge", "schema 'urn:example:ext:1.0:User', which this server does not serve")]
    [InlineData("sortBy=userName&sortOrder=sideways", "sortOrder")]
    [InlineData("sortBy=emails%5Btype%20eq%20%22work%22%5D.value", "value filter")]
    public async Task SortByWhatCannotBeSorted_Is400InvalidValue(string query, string named)
    {
        var answer = (await _scim.GetAsync($"/Users?{query}")).ShouldBeError(400, "invalidValue");

        ((string?)answer.Json["detail"]).Should().Contain(named);
    }

    [SkippableFact]
    public async Task Search_SortsAsTheEquivalentGet()
    {
        var prefix = Prefix();
        foreach (var name in new[] { "b", "C", "a" })
        {
            await CreateAsync($"{prefix}{name}@example.com", name);
        }

        var filter = JsonValue.Create($"userName sw \"{prefix}\"").ToJsonString();
        var search = (await _scim.PostAsync("/Users/.search", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":{{filter}},"sortBy":"displayName","sortOrder":"descending"}
            """)).ShouldBeList(3);

        search.Select(u => (string?)u!["displayName"]).Should().Equal("C", "b", "a");
        (await _scim.PostAsync("/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"sortBy":"addresses"}"""))
            .ShouldBeError(400, "invalidValue");
    }

    [SkippableFact]
    public async Task Groups_SortByDisplayName_AndRefuseWhatTheyCannotSortBy()
    {
        var prefix = Prefix();
        foreach (var name in new[] { "beta", "Alpha", "gamma" })
        {
            (await _scim.PostAsync("/Groups", Groups.GroupRequests.GroupBody($"{prefix}{name}", []))).ShouldBe(201);
        }

        var filter = Uri.EscapeDataString($"displayName sw \"{prefix}\"");
        var descending = (await _scim.GetAsync($"/Groups?filter={filter}&sortBy=displayName&sortOrder=descending")).ShouldBeList(3);

        descending.Select(g => (string?)g!["displayName"]).Should().Equal($"{prefix}gamma", $"{prefix}beta", $"{prefix}Alpha");
        (await _scim.GetAsync("/Groups?sortBy=members")).ShouldBeError(400, "invalidValue");
    }

    [SkippableFact]
    public async Task ServiceProviderConfig_SaysSortingIsSupported()
    {
        var config = (await _scim.GetAsync("/ServiceProviderConfig")).ShouldBe(200);

        ((bool)config.Json["sort"]!["supported"]!).Should().BeTrue();
    }

    private static string Prefix() => "Sort" + Guid.NewGuid().ToString("N")[..10];

    private static List<string> Ids(JsonArray users) => [.. users.Select(u => (string)u!["id"]!)];

    private static List<string> UserNames(JsonArray users) => [.. users.Select(u => (string)u!["userName"]!)];

    /// <summary>Every neighbour pair is in the order of <see cref="ScimSort.Compare"/>, the in-memory reference.</summary>
    private static void ShouldBeInTheOrderOf(JsonArray users, string sortBy, string sortOrder)
    {
        var sort = ScimSort.Parse(sortBy, sortOrder).Value!;
        for (var i = 1; i < users.Count; i++)
        {
            sort.Compare(users[i - 1]!.AsObject(), users[i]!.AsObject()).Should().BeNegative("{0} comes before {1}", users[i - 1]!.ToJsonString(), users[i]!.ToJsonString());
        }
    }

    private async Task CreateAsync(string userName, string? displayName, JsonNode? emails = null, JsonNode? phoneNumbers = null)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["active"] = true,
        };
        if (displayName is not null)
        {
            body["displayName"] = displayName;
        }

        if (emails is not null)
        {
            body["emails"] = emails;
        }

        if (phoneNumbers is not null)
        {
            body["phoneNumbers"] = phoneNumbers;
        }

        (await _scim.PostAsync("/Users", body.ToJsonString())).ShouldBeUser(201);
    }

    private async Task<JsonArray> ListAsync(string prefix, string query)
    {
        var filter = Uri.EscapeDataString($"userName sw \"{prefix}\"");
        var answer = (await _scim.GetAsync($"/Users?filter={filter}&{query}")).ShouldBe(200);
        return answer.Json["Resources"]!.AsArray();
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : SortingTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : SortingTests(host), IClassFixture<PostgreSqlHost>;
}
