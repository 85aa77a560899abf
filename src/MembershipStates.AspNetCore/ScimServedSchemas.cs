using MembershipStates.Scim.Schema;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The schemas this server serves, built once from the options: the core User schema, the enterprise extension and
/// the extensions the host declares in <see cref="MembershipStatesOptions.SchemaExtensions"/>.
/// </summary>
/// <remarks>One instance per application, so that the endpoints that check, answer and describe Users agree.</remarks>
internal sealed class ScimServedSchemas(IOptions<MembershipStatesOptions> options)
{
    /// <summary>Gets the User schema with the host's extensions.</summary>
    public ScimUserSchema User { get; } = ScimUserSchema.WithExtensions(options.Value.SchemaExtensions);
}
