using MembershipStates.AspNetCore;
using MembershipStates.Scim.Schema;
using Microsoft.Extensions.Options;

namespace MembershipStates.SampleHost.Scim;

/// <summary>One attribute of a declared User schema extension that filters and <c>sortBy</c> can use in the database.</summary>
/// <param name="Path">Its full path, such as <c>urn:example:params:scim:schemas:extension:acme:2.0:User:office.floor</c>: the <c>Attribute</c> of its rows of <c>member_values</c>.</param>
/// <param name="Attribute">The attribute's name in the extension object.</param>
/// <param name="SubAttribute">The sub-attribute's name, for a sub-attribute of a single-valued complex attribute.</param>
/// <param name="Declaration">What the host declared: the type, <c>caseExact</c>, multi-valued.</param>
internal sealed record ExtensionAttribute(string Path, string Attribute, string? SubAttribute, ScimAttributeDeclaration Declaration);

/// <summary>
/// The User schemas the host serves (the options' <see cref="MembershipStatesOptions.SchemaExtensions"/>) and the
/// extension attributes the store keeps rows of <c>member_values</c> for, so that filters and <c>sortBy</c> on them
/// run in the database.
/// </summary>
/// <remarks>
/// <para>Kept: every attribute of a declared extension, and each sub-attribute of a single-valued complex one, that
/// is not <c>writeOnly</c> (those are never filtered on). A single-valued one has one row, a multi-valued simple one
/// a row per value. The sub-attributes of a multi-valued complex attribute are not kept: a filter on them is a 400
/// <c>invalidFilter</c> listing what is filterable.</para>
/// <para>Built once from the options; immutable and thread-safe.</para>
/// </remarks>
internal sealed class ExtensionAttributes
{
    public ExtensionAttributes(IOptions<MembershipStatesOptions> options)
    {
        var extensions = options.Value.SchemaExtensions;
        Schema = ScimUserSchema.WithExtensions(extensions);
        Extensions = [.. Schema.HostExtensions.Select(extension => (extension.Id, Of(extension).ToList()))];
        All = [.. Extensions.SelectMany(e => e.Attributes)];
    }

    /// <summary>Gets the User schemas: core, enterprise and the host's extensions.</summary>
    public ScimUserSchema Schema { get; }

    /// <summary>Gets each declared extension's URN with the attributes kept for it.</summary>
    public IReadOnlyList<(string Id, List<ExtensionAttribute> Attributes)> Extensions { get; }

    /// <summary>Gets every attribute kept, of every extension.</summary>
    public IReadOnlyList<ExtensionAttribute> All { get; }

    private static IEnumerable<ExtensionAttribute> Of(ScimSchemaExtension extension)
    {
        foreach (var attribute in extension.Attributes.Where(Kept))
        {
            if (attribute.Type != ScimAttributeType.Complex)
            {
                yield return new ExtensionAttribute($"{extension.Id}:{attribute.Name}", attribute.Name, null, attribute);
            }
            else if (!attribute.MultiValued)
            {
                foreach (var sub in attribute.SubAttributes.Where(s => Kept(s) && !s.MultiValued))
                {
                    yield return new ExtensionAttribute($"{extension.Id}:{attribute.Name}.{sub.Name}", attribute.Name, sub.Name, sub);
                }
            }
        }
    }

    private static bool Kept(ScimAttributeDeclaration attribute) => attribute.Mutability != ScimMutability.WriteOnly;
}
