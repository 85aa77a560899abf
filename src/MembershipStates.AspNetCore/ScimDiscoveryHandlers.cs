using MembershipStates.Scim;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The read-only discovery endpoints (RFC 7644 §4): <c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c> and
/// <c>/Schemas</c>, describing the User schema the server serves, with the host's extensions, and Groups when the
/// host serves them.
/// </summary>
/// <remarks>Thread-safe; one instance serves the application.</remarks>
internal sealed class ScimDiscoveryHandlers(IOptions<MembershipStatesOptions> options, ScimServedSchemas schemas)
{
    private readonly MembershipStatesOptions _options = options.Value;
    private readonly Scim.Schema.ScimUserSchema _userSchema = schemas.User;

    public Task<ScimResponse> ServiceProviderConfigAsync(ScimRequest request) =>
        Task.FromResult(ScimDiscovery.ServiceProviderConfig(_options.Paging, request.BaseUri, _options.DocumentationUri));

    public Task<ScimResponse> ResourceTypesAsync(ScimRequest request, bool servesGroups) =>
        Task.FromResult(ScimDiscovery.ResourceTypes(request.BaseUri, servesGroups, _userSchema));

    public Task<ScimResponse> ResourceTypeAsync(ScimRequest request, bool servesGroups) =>
        Task.FromResult(ScimDiscovery.ResourceType(request.ResourceId, request.BaseUri, servesGroups, _userSchema));

    public Task<ScimResponse> SchemasAsync(ScimRequest request, bool servesGroups) =>
        Task.FromResult(ScimDiscovery.Schemas(request.BaseUri, servesGroups, _userSchema));

    public Task<ScimResponse> SchemaAsync(ScimRequest request, bool servesGroups) =>
        Task.FromResult(ScimDiscovery.Schema(request.ResourceId, request.BaseUri, servesGroups, _userSchema));
}
