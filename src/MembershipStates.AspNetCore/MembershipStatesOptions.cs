using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.AspNetCore;

/// <summary>
/// Configures the SCIM endpoints that <see cref="MembershipStatesEndpointRouteBuilderExtensions.MapMembershipStates"/> maps.
/// </summary>
/// <remarks>
/// <para>Set them in <see cref="MembershipStatesServiceCollectionExtensions.AddMembershipStates"/>. They are checked
/// when the application starts: an invalid value stops it with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> that names the value.</para>
/// <para>Not thread-safe while being configured; read-only once the application has started.</para>
/// </remarks>
public sealed class MembershipStatesOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>The default <see cref="MaxConflictRetries"/>.</summary>
    public const int DefaultMaxConflictRetries = 2;

    /// <summary>Gets or sets the largest request body accepted, in bytes; a larger one is answered 413 with a SCIM error.</summary>
    /// <value>The default value is <see cref="DefaultMaxRequestBodySize"/> (1 MiB). Must be at least 1.</value>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>Gets or sets the page sizes of <c>GET /Users</c>; also announced as <c>filter.maxResults</c>.</summary>
    /// <value>The default value is <see cref="ScimPagingOptions.Default"/>: 100 per page, at most 200. Must not be <see langword="null"/>.</value>
    public ScimPagingOptions Paging { get; set; } = ScimPagingOptions.Default;

    /// <summary>Gets or sets what a <c>POST /Users</c> does when it meets an inactive member with the same <c>userName</c>.</summary>
    /// <value>The default value is <see cref="InactiveProvisionPolicy.Revive"/>: the member becomes active again with the same id.</value>
    public InactiveProvisionPolicy InactiveProvisionPolicy { get; set; } = InactiveProvisionPolicy.Revive;

    /// <summary>Gets or sets how many times a change without <c>If-Match</c> is read, decided and committed again when a concurrent change won the race.</summary>
    /// <remarks>A change with an <c>If-Match</c> that lists versions is never retried: the version it names is gone, so it is answered 412.</remarks>
    /// <value>The default value is <see cref="DefaultMaxConflictRetries"/>. Must be from 0 to 10.</value>
    public int MaxConflictRetries { get; set; } = DefaultMaxConflictRetries;

    /// <summary>Gets or sets the help page of the integration, announced as <c>documentationUri</c> in <c>/ServiceProviderConfig</c>.</summary>
    /// <value>The default value is <see langword="null"/>: none is announced. Must be absolute when set.</value>
    public Uri? DocumentationUri { get; set; }

    /// <summary>Gets the schema extensions of the User resource the host declares, after the enterprise one.</summary>
    /// <remarks>Each is listed in <c>/Schemas</c> and in the User's <c>schemaExtensions</c> at <c>/ResourceTypes</c>; its
    /// attributes are kept when a <c>POST</c> or <c>PUT</c> sends them (stored with the user's attributes), valid as
    /// <c>PATCH</c> paths, and projected by <c>attributes</c>/<c>excludedAttributes</c> as their <c>returned</c> says.
    /// Attributes of schemas nobody declared are still ignored. Filters cannot name extension attributes.</remarks>
    /// <value>Empty by default. Each needs a URN of its own, a name and valid attributes (see <see cref="ScimUserSchema.WithExtensions"/>).</value>
    public IList<ScimSchemaExtension> SchemaExtensions { get; } = new List<ScimSchemaExtension>();
}
