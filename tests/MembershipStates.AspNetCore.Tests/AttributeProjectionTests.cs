using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary><c>attributes</c> and <c>excludedAttributes</c> (RFC 7644 §3.4.2.5, §3.9) on every answer that carries users.</summary>
public abstract class AttributeProjectionTests(SampleHostFixture host)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private readonly ScimClient _scim = host.Client();

    [SkippableFact]
    public async Task Read_WithAttributes_AnswersThoseAndIdAndSchemasOnly()
    {
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Proj"), Guid.NewGuid().ToString()))).ShouldBeUser(201);

        var read = (await _scim.GetAsync($"/Users/{created.Id}?attributes=userName,name.givenName")).ShouldBe(200);

        read.Json.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "userName", "name");
        read.Json["name"]!.AsObject().Select(m => m.Key).Should().Equal("givenName");
        read.ETag.Should().Be(created.ETag, "the headers are the resource's, whatever the body shows");
    }

    [SkippableFact]
    public async Task List_WithExcludedAttributes_LeavesThemOutOfEveryResource()
    {
        var userName = Payloads.NewUserName("Proj");
        (await _scim.PostAsync("/Users", Payloads.OktaCreate(userName, Guid.NewGuid().ToString()))).ShouldBeUser(201);

        var resources = (await _scim.FilterByUserNameAsync(userName, "&excludedAttributes=emails,name,meta,id")).ShouldBeList(1);

        var resource = resources[0]!.AsObject();
        resource.ContainsKey("emails").Should().BeFalse();
        resource.ContainsKey("name").Should().BeFalse();
        resource.ContainsKey("meta").Should().BeFalse();
        resource.ContainsKey("id").Should().BeTrue("id is returned always");
        ((string?)resource["userName"]).Should().Be(userName);
        ((bool?)resource["active"]).Should().BeTrue();
    }

    [SkippableFact]
    public async Task PostPutAndPatch_WithAttributes_AnswerTheProjectedResource()
    {
        var userName = Payloads.NewUserName("Proj");
        var created = (await _scim.PostAsync("/Users?attributes=active", Payloads.EntraCreate(userName, Guid.NewGuid().ToString()))).ShouldBe(201);
        created.Json.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "active");
        created.Location.Should().EndWith("/Users/" + created.Id);

        var patched = (await _scim.PatchAsync($"/Users/{created.Id}?attributes={Enterprise}:employeeNumber", Payloads.EntraMultiReplace("G", "w@example.com", "E-7"))).ShouldBe(200);
        patched.Json.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", Enterprise);
        ((string?)patched.Json[Enterprise]!["employeeNumber"]).Should().Be("E-7");

        var full = (await _scim.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
        var put = (await _scim.PutAsync($"/Users/{created.Id}?excludedAttributes=emails", Payloads.OktaPut(full.Json, active: false))).ShouldBe(200);
        put.Json.AsObject().ContainsKey("emails").Should().BeFalse();
        ((bool?)put.Json["active"]).Should().BeFalse();

        (await _scim.GetAsync($"/Users/{created.Id}")).ShouldBeUser().Json["emails"].Should().NotBeNull("a projection changes the answer, never what is stored");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : AttributeProjectionTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : AttributeProjectionTests(host), IClassFixture<PostgreSqlHost>;
}
