using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Okta's SCIM 2.0 SPEC Test against the sample host's own organizations and tokens: step 11, a request that is not
/// authorized, answered 401 with an Error body. The whole SPEC and CRUD tests, and Entra ID's flows, run in
/// <see cref="SampleStoreConformanceTests"/> through MembershipStates.Testing.
/// </summary>
public abstract class OktaSpecTests(SampleHostFixture host)
{
    [SkippableFact]
    public async Task SpecTest_BearerThatIsNotAToken_Is401WithBody()
    {
        var unauthorized = host.Client(token: "non-token");

        (await unauthorized.GetAsync("/Users")).ShouldBeError(401).Header("WWW-Authenticate").Should().StartWith("Bearer");
    }

    [SkippableFact]
    public async Task SpecTest_AuthorizationHeaderThatIsNotBearer_Is401WithBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SampleHostFixture.BasePath(SampleHostFixture.Acme) + "/Users");
        request.Headers.TryAddWithoutValidation("Authorization", "non-token");
        using var response = await host.RawClient().SendAsync(request);

        (await ScimAnswer.ReadAsync(response)).ShouldBeError(401);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : OktaSpecTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : OktaSpecTests(host), IClassFixture<PostgreSqlHost>;
}
