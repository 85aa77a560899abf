using System.Text;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>The details of the contract that users and providers depend on.</summary>
public abstract class ProtocolContractTests(SampleHostFixture host)
{
    private readonly ScimClient _scim = host.Client();

    public static TheoryData<string> OddIds => new()
    {
        "010101001010101011001010101011",
        "00919288221112222",
        "not-a-guid",
        "2819c223-7f76-453a-919d-413861904646",
        "-1",
        "0",
        "null",
        "%20",
        "a%2Fb",
        "%25",
        "%C3%A9t%C3%A9",
        "..",
        "user@example.com",
        "'; DROP TABLE memberships; --",
        new string('x', 2000),
    };

    [SkippableTheory]
    [MemberData(nameof(OddIds))]
    public async Task UnknownId_OfAnyShape_Is404ForEveryMethodNever400(string id)
    {
        var path = "/Users/" + (id.Contains('%', StringComparison.Ordinal) ? id : Uri.EscapeDataString(id));

        (await _scim.GetAsync(path)).ShouldBeError(404);
        (await _scim.PutAsync(path, Payloads.OktaSpecUser(Payloads.NewUserName()))).ShouldBeError(404);
        (await _scim.PatchAsync(path, Payloads.OktaSetActive(false))).ShouldBeError(404);
        (await _scim.DeleteAsync(path)).ShouldBeError(404);
    }

    [SkippableFact]
    public async Task BodyOverTheLimit_Is413ScimError()
    {
        var huge = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"big@example.com\",\"displayName\":\""
            + new string('a', 1024 * 1024) + "\"}";

        (await _scim.PostAsync("/Users", huge)).ShouldBeError(413);
        (await _scim.PutAsync("/Users/some-id", huge)).ShouldBeError(413);
        (await _scim.FilterByUserNameAsync("big@example.com")).ShouldBeList(0);
    }

    [SkippableFact]
    public async Task ChunkedBodyOverTheLimit_Is413ScimError()
    {
        var huge = Encoding.UTF8.GetBytes(new string(' ', (1024 * 1024) + 10) + "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, SampleHostFixture.BasePath(SampleHostFixture.Acme) + "/Users")
        {
            Content = new StreamContent(new MemoryStream(huge)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + SampleHostFixture.AcmeToken);
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/scim+json");
        using var response = await host.RawClient().SendAsync(request);

        (await ScimAnswer.ReadAsync(response)).ShouldBeError(413);
    }

    [SkippableTheory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task BodyOfAnotherMediaType_Is415ScimError(string contentType)
    {
        (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName()), contentType)).ShouldBeError(415);
    }

    [SkippableTheory]
    [InlineData("application/json")]
    [InlineData("application/scim+json")]
    [InlineData("application/scim+json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task BodyOfAJsonMediaType_IsAccepted(string contentType)
    {
        var answer = (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName()), contentType)).ShouldBeUser(201);

        answer.ContentType.Should().Be("application/scim+json; charset=utf-8");
    }

    [SkippableTheory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":5}")]
    public async Task MalformedUser_Is400ScimError(string body)
    {
        (await _scim.PostAsync("/Users", body)).ShouldBeError(400);
    }

    [SkippableFact]
    public async Task ReadOnlyAndUnknownOktaFields_AreAcceptedAndIgnored_PasswordNeverStored()
    {
        var userName = Payloads.NewUserName("Fields");
        var body = Payloads.OktaCreate(userName, "ext-fields")
            .Replace("\"schemas\"", "\"id\":\"client-chosen\",\"meta\":{\"resourceType\":\"User\"},\"roles\":[],\"schemas\"", StringComparison.Ordinal);

        var created = (await _scim.PostAsync("/Users", body)).ShouldBeUser(201);

        created.Id.Should().NotBe("client-chosen");
        created.Body.Should().NotContain("tlpWENT2m");
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var stored = await db.Memberships.SingleAsync(m => m.ScimId == created.Id);
        stored.Attributes.Should().NotContain("tlpWENT2m").And.NotContain("password");
    }

    [SkippableFact]
    public async Task CountAtIntMax_Is200Capped_AndItemsPerPageIsTheNumberReturned()
    {
        for (var i = 0; i < 3; i++)
        {
            (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName("Max")))).ShouldBeUser(201);
        }

        var answer = await _scim.GetAsync("/Users?count=2147483647&startIndex=1");
        var all = answer.ShouldBeList(((int?)answer.Json["totalResults"]) ?? -1);
        all.Count.Should().Be((int)answer.Json["totalResults"]!);

        var page = await _scim.GetAsync("/Users?count=2&startIndex=2");
        page.ShouldBeList(all.Count).Should().HaveCount(2);
        ((int)page.Json["startIndex"]!).Should().Be(2);

        var beyond = await _scim.GetAsync($"/Users?count=5&startIndex={all.Count + 10}");
        beyond.ShouldBeList(all.Count).Should().BeEmpty();
        beyond.Body.Should().Contain("\"Resources\":[]");

        (await _scim.GetAsync("/Users?count=0")).ShouldBeList(all.Count).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task UnfilteredList_IncludesInactiveMembers_InAStableOrderForAnyPageSize()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName("Order")))).ShouldBeUser(201).Id;
            if (i % 2 == 0)
            {
                (await _scim.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser();
            }

            ids.Add(id);
        }

        var everything = await _scim.GetAsync("/Users?count=200");
        var order = everything.ShouldBeList((int)everything.Json["totalResults"]!).Select(r => (string)r!["id"]!).ToList();
        order.Should().Contain(ids);
        everything.Json["Resources"]!.AsArray().Should().Contain(r => !(bool)r!["active"]!, "an unfiltered list includes inactive members");

        foreach (var size in new[] { 1, 2, 3 })
        {
            var paged = new List<string>();
            for (var start = 1; start <= order.Count; start += size)
            {
                var page = (await _scim.GetAsync($"/Users?startIndex={start}&count={size}")).ShouldBeList(order.Count);
                paged.AddRange(page.Select(r => (string)r!["id"]!));
            }

            paged.Should().Equal(order, "pages of {0} meet every member once, in the same order", size);
        }
    }

    [SkippableFact]
    public async Task ChangingUserName_ToAnotherMembersInAnyCase_Is409AndChangesNothing()
    {
        var taken = Payloads.NewUserName("Taken");
        (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(taken))).ShouldBeUser(201);
        var other = (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName("Other")))).ShouldBeUser(201);

        var renamed = other.Json.DeepClone();
        renamed["userName"] = taken.ToUpperInvariant();
        (await _scim.PutAsync($"/Users/{other.Id}", renamed.ToJsonString())).ShouldBeError(409, "uniqueness");
        var patch = $$"""{"schemas":["{{Payloads.PatchOp}}"],"Operations":[{"op":"replace","path":"userName","value":"{{taken.ToLowerInvariant()}}"}]}""";
        (await _scim.PatchAsync($"/Users/{other.Id}", patch)).ShouldBeError(409, "uniqueness");

        (await _scim.GetAsync($"/Users/{other.Id}")).ShouldBeUser().ETag.Should().Be(other.ETag);
    }

    [SkippableFact]
    public async Task ChangingUserNameAndExternalId_ByPutAndPatch_IsApplied()
    {
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Rename"), "ext-1"))).ShouldBeUser(201);
        var newName = Payloads.NewUserName("Renamed");

        var renamed = created.Json.DeepClone();
        renamed["userName"] = newName;
        (await _scim.PutAsync($"/Users/{created.Id}", renamed.ToJsonString())).ShouldBeUser();
        var patch = $$"""{"schemas":["{{Payloads.PatchOp}}"],"Operations":[{"op":"replace","path":"externalId","value":"ext-2"}]}""";
        var patched = (await _scim.PatchAsync($"/Users/{created.Id}", patch)).ShouldBeUser();

        ((string?)patched.Json["userName"]).Should().Be(newName);
        ((string?)patched.Json["externalId"]).Should().Be("ext-2");
        var found = (await _scim.FilterByUserNameAsync(newName)).ShouldBeList(1);
        ((string?)found[0]!["id"]).Should().Be(created.Id);
        (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString("externalId eq \"ext-2\"")}")).ShouldBeList(1);
    }

    [SkippableFact]
    public async Task Filters_TheProvidersSend_RunInSql()
    {
        var userName = Payloads.NewUserName("Filtered");
        var created = (await _scim.PostAsync("/Users", Payloads.EntraCreate(userName, "ext-filtered"))).ShouldBeUser(201);
        (await _scim.PatchAsync($"/Users/{created.Id}", Payloads.OktaSetActive(false))).ShouldBeUser();

        foreach (var filter in new[]
        {
            $"userName eq \"{userName.ToLowerInvariant()}\"",
            $"emails[type eq \"work\"].value eq \"{userName}\"",
            $"externalId eq \"ext-filtered\" and active eq false",
            $"id eq \"{created.Id}\"",
            $"userName sw \"{userName[..12]}\"",
            $"name.givenName eq \"Ryan\" and displayName co \"Leenay\" and userName eq \"{userName}\"",
        })
        {
            var found = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).ShouldBeList(1);
            ((string?)found[0]!["id"]).Should().Be(created.Id, "{0} finds it", filter);
        }

        (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString("externalId eq \"EXT-FILTERED\"")}")).ShouldBeList(0, "externalId is caseExact");
    }

    // The filter columns are copies of the attributes: a PUT that drops or changes an attribute must change its
    // copy too, for an active member (updated in place) as for an inactive one.
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_WithoutAnAttribute_ClearsWhatFiltersSeeOfIt(bool active)
    {
        var externalId = $"ext-{Guid.NewGuid():N}";
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Cleared"), externalId))).ShouldBeUser(201);
        if (!active)
        {
            (await _scim.PatchAsync($"/Users/{created.Id}", Payloads.OktaSetActive(false))).ShouldBeUser();
        }

        var replaced = created.Json.DeepClone().AsObject();
        replaced.Remove("externalId");
        replaced["displayName"] = "Renamed Display";
        replaced["active"] = active;
        (await _scim.PutAsync($"/Users/{created.Id}", replaced.ToJsonString())).ShouldBeUser();

        (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString($"externalId eq \"{externalId}\"")}")).ShouldBeList(0, "the externalId is gone");
        var found = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString($"displayName eq \"Renamed Display\" and id eq \"{created.Id}\"")}")).ShouldBeList(1);
        ((bool)found[0]!["active"]!).Should().Be(active);
    }

    // SQLite's lower() folds ASCII only: compared through it, a stored "Åsa" never matched "åsa". The sample compares
    // its upper-cased columns (those its unique index is on) with the operand upper-cased in .NET instead.
    [SkippableFact]
    public async Task Filters_OnANonAsciiUserNameInAnotherCase_FindTheUserInSqlite()
    {
        var userName = $"Åsa.Öberg-{Guid.NewGuid():N}"[..22] + "@Exempel.SE";
        var created = (await _scim.PostAsync("/Users", Payloads.EntraCreate(userName, $"ext-{Guid.NewGuid():N}"))).ShouldBeUser(201);

        foreach (var filter in new[]
        {
            $"userName eq \"{userName.ToLowerInvariant()}\"",
            $"userName eq \"{userName.ToUpperInvariant()}\"",
            $"userName sw \"åsa.ö\" and userName ew \"{userName[^20..].ToLowerInvariant()}\"",
            $"userName co \"{userName[4..12].ToUpperInvariant()}\"",
            $"emails[type eq \"work\"].value eq \"{userName.ToUpperInvariant()}\"",
            $"emails.value eq \"{userName.ToLowerInvariant()}\"",
        })
        {
            var found = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).ShouldBeList(1, filter);
            ((string?)found[0]!["id"]).Should().Be(created.Id, "{0} finds it", filter);
            ((string?)found[0]!["userName"]).Should().Be(userName, "userName is returned exactly as sent");
        }

        (await _scim.FilterByUserNameAsync(userName.Replace("Å", "A", StringComparison.Ordinal))).ShouldBeList(0, "Å is no A");
    }

    [SkippableFact]
    public async Task Post_WithTheExternalIdOfAnInactiveMember_RevivesItUnderTheNewUserName()
    {
        var externalId = $"00u{Guid.NewGuid():N}";
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Before"), externalId))).ShouldBeUser(201);
        (await _scim.PutAsync($"/Users/{created.Id}", Payloads.OktaPut(created.Json, active: false))).ShouldBeUser();
        var renamed = Payloads.NewUserName("After");

        var revived = (await _scim.PostAsync("/Users", Payloads.OktaCreate(renamed, externalId))).ShouldBeUser(201);

        revived.Id.Should().Be(created.Id, "the provider's own id for the user identifies the membership");
        revived.Active.Should().BeTrue();
        ((string?)revived.Json["userName"]).Should().Be(renamed);
    }

    [SkippableFact]
    public async Task IfNoneMatch_WithTheCurrentTag_Is304()
    {
        var created = (await _scim.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName("Cached")))).ShouldBeUser(201);

        var answer = await _scim.GetAsync($"/Users/{created.Id}", request => request.Headers.TryAddWithoutValidation("If-None-Match", created.ETag));

        answer.Status.Should().Be(304);
        answer.Body.Should().BeEmpty();
    }

    [SkippableTheory]
    [InlineData("meta.location eq \"https://example.com/Users/1\"")]
    [InlineData("userName eq")]
    [InlineData("(((")]
    [InlineData("active gt true")]
    public async Task UnsupportedOrMalformedFilter_Is400InvalidFilter(string filter)
    {
        (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).ShouldBeError(400, "invalidFilter");
    }

    [SkippableFact]
    public async Task MalformedFilter_DetailSaysWhereTheProblemIs()
    {
        var answer = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString("userName eg \"x\"")}")).ShouldBeError(400, "invalidFilter");

        ((string?)answer.Json["detail"]).Should().Contain("'eg' is not a SCIM operator").And.EndWith("(at position 9)");
    }

    [SkippableTheory]
    [InlineData("count=ten")]
    [InlineData("startIndex=1.5")]
    public async Task NonIntegerPaging_Is400(string query)
    {
        (await _scim.GetAsync($"/Users?{query}")).ShouldBeError(400);
    }

    [SkippableTheory]
    [InlineData("/ServiceProviderConfig", "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig")]
    [InlineData("/ResourceTypes", "urn:ietf:params:scim:api:messages:2.0:ListResponse")]
    [InlineData("/ResourceTypes/User", "urn:ietf:params:scim:schemas:core:2.0:ResourceType")]
    [InlineData("/ResourceTypes/Group", "urn:ietf:params:scim:schemas:core:2.0:ResourceType")]
    [InlineData("/Schemas", "urn:ietf:params:scim:api:messages:2.0:ListResponse")]
    [InlineData("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Schema")]
    [InlineData("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", "urn:ietf:params:scim:schemas:core:2.0:Schema")]
    [InlineData("/Groups", "urn:ietf:params:scim:api:messages:2.0:ListResponse")]
    public async Task DiscoveryAndGroups_Answer200ScimJson(string path, string schema)
    {
        var answer = (await _scim.GetAsync(path)).ShouldBe(200);

        answer.Json["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain(schema);
    }

    [SkippableFact]
    public async Task ServiceProviderConfig_AnnouncesPatchFilterAndETags()
    {
        var config = (await _scim.GetAsync("/ServiceProviderConfig")).ShouldBe(200).Json;

        ((bool)config["patch"]!["supported"]!).Should().BeTrue();
        ((bool)config["filter"]!["supported"]!).Should().BeTrue();
        ((bool)config["etag"]!["supported"]!).Should().BeTrue();
        ((string?)config["meta"]!["location"]).Should().StartWith("http://localhost/scim/v2/organizations/acme/");
    }

    [SkippableTheory]
    [InlineData("GET", "/Nope")]
    [InlineData("GET", "/Users/a/b")]
    [InlineData("GET", "/Groups/some-group")]
    [InlineData("GET", "/ResourceTypes/Role")]
    [InlineData("GET", "/Schemas/urn:nope")]
    public async Task UnknownPath_Is404ScimError(string method, string path)
    {
        (await _scim.SendAsync(new HttpMethod(method), path, null, ScimClient.ScimJson, null)).ShouldBeError(404);
    }

    [SkippableTheory]
    [InlineData("POST", "/Bulk")]
    [InlineData("POST", "/.search")]
    [InlineData("DELETE", "/Users")]
    public async Task UnsupportedOperation_Is501ScimError(string method, string path)
    {
        (await _scim.SendAsync(new HttpMethod(method), path, "{}", ScimClient.ScimJson, null)).ShouldBeError(501);
    }

    [SkippableFact]
    public async Task UnknownPath_WithoutToken_Is401First()
    {
        using var response = await host.RawClient().GetAsync(SampleHostFixture.BasePath(SampleHostFixture.Acme) + "/Nope");

        (await ScimAnswer.ReadAsync(response)).ShouldBeError(401);
    }

    [SkippableFact]
    public async Task Healthz_Is200()
    {
        using var response = await host.RawClient().GetAsync("/healthz");

        ((int)response.StatusCode).Should().Be(200);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : ProtocolContractTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : ProtocolContractTests(host), IClassFixture<PostgreSqlHost>;
}
