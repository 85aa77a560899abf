using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore;

/// <summary>One authenticated SCIM request: its organization, its store, its URLs, its body and its span.</summary>
internal sealed class ScimRequest
{
    public ScimRequest(HttpContext httpContext, string organization, IScimMemberStore store, string baseUrl, ReadOnlyMemory<byte> body, Activity? activity = null)
    {
        HttpContext = httpContext;
        Activity = activity;
        Organization = organization;
        Store = store;
        BaseUrl = baseUrl;
        Body = body;
        UsersEndpoint = ScimEndpointUri.Of(baseUrl, "/Users");
        GroupsEndpoint = ScimEndpointUri.Of(baseUrl, "/Groups");
    }

    public HttpContext HttpContext { get; }

    public string Organization { get; }

    public IScimMemberStore Store { get; }

    /// <summary>Gets the absolute URL of the organization's SCIM base, without a trailing slash; empty on the catch-all route.</summary>
    public string BaseUrl { get; }

    public Uri BaseUri => ScimEndpointUri.Of(BaseUrl, "/");

    /// <summary>Gets the absolute URL of the organization's <c>/Users</c> endpoint (relative on the catch-all route).</summary>
    public Uri UsersEndpoint { get; }

    /// <summary>Gets the absolute URL of the organization's <c>/Groups</c> endpoint (relative on the catch-all route).</summary>
    public Uri GroupsEndpoint { get; }

    /// <summary>Gets the host's group store, or <see langword="null"/> when it serves no groups.</summary>
    public IScimGroupStore? GroupStore => HttpContext.RequestServices.GetService<IScimGroupStore>();

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request's own span, or <see langword="null"/> when nobody traces it.</summary>
    /// <remarks>Not <see cref="Activity.Current"/>, which is the server's span when only that one is listened to.</remarks>
    public Activity? Activity { get; }

    public CancellationToken Aborted => HttpContext.RequestAborted;

    public string? RouteValue(string name) => HttpContext.Request.RouteValues[name]?.ToString();

    /// <summary>Gets the <c>{id}</c> of the route: the resource the request names, or empty on a route without one.</summary>
    public string ResourceId => RouteValue("id") ?? string.Empty;

    /// <summary>Gets the query parameters that stand in for the URL's, or <see langword="null"/> to read the URL's.</summary>
    private IReadOnlyDictionary<string, string>? QueryOverride { get; init; }

    public string? Query(string name)
    {
        if (QueryOverride is { } query)
        {
            return query.GetValueOrDefault(name);
        }

        var values = HttpContext.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>Returns this request with <paramref name="query"/> as its only query parameters: a <c>POST …/.search</c> answered as its <c>GET</c>.</summary>
    public ScimRequest WithQuery(IReadOnlyDictionary<string, string> query) =>
        new(HttpContext, Organization, Store, BaseUrl, Body, Activity) { QueryOverride = query };
}
