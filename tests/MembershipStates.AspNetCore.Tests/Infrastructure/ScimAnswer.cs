using System.Text.Json.Nodes;
using FluentAssertions;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>A response as a provider reads it: status, headers and the body, parsed.</summary>
public sealed class ScimAnswer
{
    private ScimAnswer(int status, Dictionary<string, string> headers, string body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? ContentType => Header("Content-Type");

    public string? ETag => Header("ETag");

    public string? Location => Header("Location");

    public string Id => (string)Json["id"]!;

    public bool Active => (bool)Json["active"]!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<ScimAnswer> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        return new ScimAnswer((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Checks the status and, for a body, that it is SCIM JSON; shows the body when the status differs.</summary>
    public ScimAnswer ShouldBe(int status)
    {
        Status.Should().Be(status, "the answer was {0}", Body);
        if (Body.Length > 0)
        {
            ContentType.Should().StartWith("application/scim+json");
        }

        return this;
    }

    /// <summary>Checks an RFC 7644 §3.12 error: the Error schema, <c>status</c> as a string equal to the HTTP status, a non-empty <c>detail</c>.</summary>
    public ScimAnswer ShouldBeError(int status, string? scimType = null)
    {
        ShouldBe(status);
        var json = Json;
        json["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain("urn:ietf:params:scim:api:messages:2.0:Error");
        json["status"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String);
        ((string?)json["status"]).Should().Be(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ((string?)json["detail"]).Should().NotBeNullOrWhiteSpace();
        if (scimType is not null)
        {
            ((string?)json["scimType"]).Should().Be(scimType);
        }

        return this;
    }

    /// <summary>Checks a ListResponse (numbers as numbers, <c>Resources</c> always present, <c>itemsPerPage</c> its length) and returns its resources.</summary>
    public JsonArray ShouldBeList(int totalResults, string because = "")
    {
        Status.Should().Be(200, "the answer was {0} {1}", Body, because);
        ShouldBe(200);
        var json = Json;
        json["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        foreach (var number in new[] { "totalResults", "startIndex", "itemsPerPage" })
        {
            json[number]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number, "{0} is a JSON number", number);
        }

        ((int)json["totalResults"]!).Should().Be(totalResults, because);
        var resources = json["Resources"].Should().NotBeNull("Resources is present even when empty").And.Subject.As<JsonNode>().AsArray();
        ((int)json["itemsPerPage"]!).Should().Be(resources.Count, "itemsPerPage is the number returned");
        return resources;
    }

    /// <summary>Checks a 200/201 carrying a user whose <c>meta.version</c> equals the ETag header.</summary>
    public ScimAnswer ShouldBeUser(int status = 200)
    {
        ShouldBe(status);
        var json = Json;
        json["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain("urn:ietf:params:scim:schemas:core:2.0:User");
        ((string?)json["id"]).Should().NotBeNullOrEmpty();
        json["active"]!.GetValueKind().Should().BeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False);
        ((string?)json["meta"]!["version"]).Should().Be(ETag, "meta.version equals the ETag header");
        json["password"].Should().BeNull("a password is never returned");
        return this;
    }
}
