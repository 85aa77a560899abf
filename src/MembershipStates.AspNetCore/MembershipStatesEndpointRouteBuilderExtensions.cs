using System.Diagnostics.CodeAnalysis;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore;

/// <summary>
/// Maps the SCIM 2.0 endpoints of an organization onto the host's <see cref="IScimMemberStore"/> and, when it
/// registers one, its <see cref="IScimGroupStore"/>.
/// </summary>
public static class MembershipStatesEndpointRouteBuilderExtensions
{
    /// <summary>The default base path: one SCIM base per organization.</summary>
    public const string DefaultPattern = "/scim/v2/organizations/{organization}";

    /// <summary>Maps the SCIM endpoints under a base path.</summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">The base path; its <c>{organization}</c> value, if any, is given to the <see cref="IScimOrganizationResolver"/>.</param>
    /// <returns>The route group of the endpoints, to add conventions such as rate limiting.</returns>
    /// <remarks>
    /// <para>Under the base: <c>GET</c>/<c>POST /Users</c>; <c>GET</c>/<c>PUT</c>/<c>PATCH</c>/<c>DELETE /Users/{id}</c>;
    /// <c>GET /ServiceProviderConfig</c>, <c>/ResourceTypes</c>, <c>/ResourceTypes/{id}</c>, <c>/Schemas</c>,
    /// <c>/Schemas/{id}</c>. With an <see cref="IScimGroupStore"/> registered: <c>GET</c>/<c>POST /Groups</c> and
    /// <c>GET</c>/<c>PUT</c>/<c>PATCH</c>/<c>DELETE /Groups/{id}</c> (a <c>PATCH</c> answered 204), the Group resource
    /// type and schema in discovery, and each user answered with its read-only <c>groups</c>; without one,
    /// <c>GET /Groups</c> is an empty list and <c>/Groups/{id}</c> a 404. Any other path is a 404 SCIM error, another
    /// method than <c>GET</c> on a discovery endpoint a 405 with an <c>Allow</c> header, and another method on another
    /// known path a 501.</para>
    /// <para>Every request is authenticated first (401 with a SCIM error when the resolver refuses it). Bodies must be
    /// <c>application/scim+json</c> or <c>application/json</c> (415 otherwise) and at most
    /// <see cref="MembershipStatesOptions.MaxRequestBodySize"/> bytes (413). Answers are
    /// <c>application/scim+json</c>; every failure, a 500 included, is a SCIM error whose detail reveals no
    /// internals. Each committed change writes one log line: organization, id, state before and after, command.</para>
    /// <para>Each request is measured and traced under <see cref="MembershipStatesTelemetry.MeterName"/> and
    /// <see cref="MembershipStatesTelemetry.ActivitySourceName"/>, by its operation (<c>Users.Patch</c>, <c>Groups.List</c>,
    /// <c>Unmatched</c> for the catch-all).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="MembershipStatesServiceCollectionExtensions.AddMembershipStates"/> was not called, or no
    /// <see cref="IScimMemberStore"/> or <see cref="IScimOrganizationResolver"/> is registered.</exception>
    public static RouteGroupBuilder MapMembershipStates(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var services = endpoints.ServiceProvider;
        var handlers = services.GetService<ScimUserHandlers>() ?? throw new InvalidOperationException(
            $"Call services.{nameof(MembershipStatesServiceCollectionExtensions.AddMembershipStates)}() before mapping the SCIM endpoints.");
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        if (!isService.IsService(typeof(IScimMemberStore)))
        {
            throw new InvalidOperationException($"Register the host's {nameof(IScimMemberStore)} (for example services.AddScoped<{nameof(IScimMemberStore)}, MyStore>()) before mapping the SCIM endpoints.");
        }

        if (!isService.IsService(typeof(IScimOrganizationResolver)))
        {
            throw new InvalidOperationException($"Register the host's {nameof(IScimOrganizationResolver)} before mapping the SCIM endpoints.");
        }

        var pipeline = services.GetRequiredService<ScimPipeline>();
        var group = endpoints.MapGroup(pattern);
        var servesGroups = isService.IsService(typeof(IScimGroupStore));

        group.MapGet("/Users", pipeline.Build("Users.List", 1, readsBody: false, Projected(handlers.ListAsync, handlers.ProjectUsers)));
        group.MapPost("/Users", pipeline.Build("Users.Create", 1, readsBody: true, Projected(handlers.CreateAsync, handlers.ProjectUsers)));
        group.MapPost("/Users/.search", pipeline.Build("Users.Search", 2, readsBody: true, Search(Projected(handlers.ListAsync, handlers.ProjectUsers))));
        group.MapGet("/Users/{id}", pipeline.Build("Users.Read", 2, readsBody: false, Projected(handlers.ReadAsync, handlers.ProjectUsers)));
        group.MapPut("/Users/{id}", pipeline.Build("Users.Replace", 2, readsBody: true, Projected(handlers.ReplaceAsync, handlers.ProjectUsers)));
        group.MapPatch("/Users/{id}", pipeline.Build("Users.Patch", 2, readsBody: true, Projected(handlers.PatchAsync, handlers.ProjectUsers)));
        group.MapDelete("/Users/{id}", pipeline.Build("Users.Delete", 2, readsBody: false, handlers.DeleteAsync));
        if (servesGroups)
        {
            var groups = services.GetRequiredService<ScimGroupHandlers>();
            group.MapGet("/Groups", pipeline.Build("Groups.List", 1, readsBody: false, Projected(groups.ListAsync, ScimAttributeProjection.ForGroups)));
            group.MapPost("/Groups/.search", pipeline.Build("Groups.Search", 2, readsBody: true, Search(Projected(groups.ListAsync, ScimAttributeProjection.ForGroups))));
            group.MapPost("/Groups", pipeline.Build("Groups.Create", 1, readsBody: true, Projected(groups.CreateAsync, ScimAttributeProjection.ForGroups)));
            group.MapGet("/Groups/{id}", pipeline.Build("Groups.Read", 2, readsBody: false, Projected(groups.ReadAsync, ScimAttributeProjection.ForGroups)));
            group.MapPut("/Groups/{id}", pipeline.Build("Groups.Replace", 2, readsBody: true, Projected(groups.ReplaceAsync, ScimAttributeProjection.ForGroups)));
            group.MapPatch("/Groups/{id}", pipeline.Build("Groups.Patch", 2, readsBody: true, Projected(groups.PatchAsync, ScimAttributeProjection.ForGroups)));
            group.MapDelete("/Groups/{id}", pipeline.Build("Groups.Delete", 2, readsBody: false, groups.DeleteAsync));
        }
        else
        {
            var groups = services.GetRequiredService<ScimGroupHandlers>();
            group.MapGet("/Groups", pipeline.Build("Groups.List", 1, readsBody: false, Projected(groups.ListWithoutStoreAsync, ScimAttributeProjection.ForGroups)));
            group.MapPost("/Groups/.search", pipeline.Build("Groups.Search", 2, readsBody: true, Search(Projected(groups.ListWithoutStoreAsync, ScimAttributeProjection.ForGroups))));
            group.MapGet("/Groups/{id}", pipeline.Build("Groups.Read", 2, readsBody: false, Projected(ScimGroupHandlers.ReadWithoutStoreAsync, ScimAttributeProjection.ForGroups)));
        }

        var discovery = services.GetRequiredService<ScimDiscoveryHandlers>();
        group.MapGet("/ServiceProviderConfig", pipeline.Build("ServiceProviderConfig.Read", 1, readsBody: false, discovery.ServiceProviderConfigAsync));
        group.MapGet("/ResourceTypes", pipeline.Build("ResourceTypes.List", 1, readsBody: false, request => discovery.ResourceTypesAsync(request, servesGroups)));
        group.MapGet("/ResourceTypes/{id}", pipeline.Build("ResourceTypes.Read", 2, readsBody: false, request => discovery.ResourceTypeAsync(request, servesGroups)));
        group.MapGet("/Schemas", pipeline.Build("Schemas.List", 1, readsBody: false, request => discovery.SchemasAsync(request, servesGroups)));
        group.MapGet("/Schemas/{id}", pipeline.Build("Schemas.Read", 2, readsBody: false, request => discovery.SchemaAsync(request, servesGroups)));
        group.Map("/{**path}", pipeline.Build("Unmatched", -1, readsBody: false, ScimUnmatchedHandler.AnswerAsync));
        return group;
    }

    /// <summary>
    /// Answers with the resources narrowed to the request's <c>attributes</c> and <c>excludedAttributes</c>
    /// (RFC 7644 §3.4.2.5, §3.9), for reads, lists and the resources a POST, PUT or PATCH returns.
    /// </summary>
    private static Func<ScimRequest, Task<ScimResponse>> Projected(
        Func<ScimRequest, Task<ScimResponse>> handler, Func<string?, string?, ScimAttributeProjection> projection) =>
        async request =>
        {
            var response = await handler(request).ConfigureAwait(false);
            return projection(request.Query("attributes"), request.Query("excludedAttributes")).Apply(response);
        };

    /// <summary>
    /// Answers a <c>POST …/.search</c> (RFC 7644 §3.4.3) as the list endpoint answers the <c>GET</c> whose query
    /// parameters the <c>SearchRequest</c> body carries; a body that is not one is 400.
    /// </summary>
    private static Func<ScimRequest, Task<ScimResponse>> Search(Func<ScimRequest, Task<ScimResponse>> list) =>
        request =>
        {
            var search = ScimSearchRequest.Parse(request.Body.Span);
            return search.TryGetValue(out var parameters)
                ? list(request.WithQuery(parameters.QueryParameters))
                : Task.FromResult(search.Error.ToResponse());
        };
}
