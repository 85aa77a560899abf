using System.Text.Json;

namespace MembershipStates.Scim;

/// <content>
/// Where the host's attributes meet the lifecycle: the resource a response carries (<c>id</c>, <c>active</c>,
/// <c>meta</c>, <c>schemas</c>, <c>groups</c> set by the service provider) and the copy a host stores (all of them left out).
/// </content>
public sealed partial class ScimUser
{
    /// <summary>Returns the resource as the service provider answers it: these attributes with <c>id</c>, <c>active</c>, <c>meta</c> and <c>schemas</c> from the lifecycle.</summary>
    /// <param name="snapshot">The membership, Active or Inactive.</param>
    /// <param name="location">The URI of the resource (<c>meta.location</c> and the <c>Location</c> header).</param>
    /// <returns>A new user; this one is left as it is.</returns>
    /// <remarks>
    /// <para><c>id</c> is <see cref="MembershipSnapshot.Id"/>; <c>active</c> is <see langword="true"/> for
    /// <see cref="MembershipState.Active"/> and <see langword="false"/> for <see cref="MembershipState.Inactive"/>;
    /// <c>meta</c> is <c>resourceType</c> <c>User</c>, the snapshot's created and last-modified times,
    /// <c>version</c> equal to <see cref="ScimETag.FromVersion"/> of the snapshot's version, and
    /// <paramref name="location"/>. <c>schemas</c> lists the core User schema, the enterprise schema when
    /// <see cref="EnterpriseUser"/> is present, and every unknown top-level attribute whose name is a URN and whose
    /// value is an object, in that order.</para>
    /// <para>Other attributes are shared with this user, not copied deeply.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="snapshot"/> is a non-member: a non-member has no resource.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="location"/> is <see langword="null"/>.</exception>
    public ScimUser WithMembership(in MembershipSnapshot snapshot, Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!snapshot.Exists)
        {
            throw new ArgumentException("A non-member has no SCIM resource; answer 404 instead.", nameof(snapshot));
        }

        return new ScimUser(this)
        {
            Schemas = ComputeSchemas(),
            Id = snapshot.Id,
            Active = snapshot.State == MembershipState.Active,
            Meta = new ScimMeta
            {
                ResourceType = "User",
                Created = snapshot.Created,
                LastModified = snapshot.LastModified,
                Version = ScimETag.FromVersion(snapshot.Version),
                Location = location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString,
            },
        };
    }

    /// <summary>Returns the resource with its read-only <c>groups</c>: the groups the member belongs to, as the service provider keeps them.</summary>
    /// <param name="groups">The member's groups, each with the group's id as <c>value</c> and its <c>displayName</c> as <c>display</c>; Inactive members keep theirs.</param>
    /// <param name="groupsEndpoint">The absolute URL of the organization's <c>/Groups</c> endpoint, for each group's <c>$ref</c>.</param>
    /// <returns>A new user with <c>groups</c> set (<c>value</c>, <c>display</c>, <c>$ref</c>, <c>type</c> <c>direct</c>); this one is left as it is.</returns>
    /// <remarks>Group membership is changed through the Group resource only; a <c>PATCH</c> of a User's <c>groups</c> is a 400 <c>mutability</c>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or <paramref name="groupsEndpoint"/> is <see langword="null"/>.</exception>
    public ScimUser WithGroups(IReadOnlyList<ScimGroupReference> groups, Uri groupsEndpoint)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupsEndpoint);
        var references = new ScimGroupReference[groups.Count];
        for (var i = 0; i < references.Length; i++)
        {
            var value = groups[i].Value;
            var location = value is null ? null : ScimUserDecision.LocationOf(groupsEndpoint, value);
            references[i] = new ScimGroupReference
            {
                Value = value,
                Display = groups[i].Display,
                Ref = location is null ? null : location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString,
                Type = "direct",
            };
        }

        return new ScimUser(this) { Groups = references };
    }

    /// <summary>
    /// Copies the attributes the host keeps, leaving out what the lifecycle owns (<c>id</c>, <c>active</c>,
    /// <c>meta</c>), what the server computes (<c>schemas</c>, <c>groups</c>), and what no schema of the server
    /// declares (<see cref="Schema.ScimUndeclaredAttributes"/>).
    /// </summary>
    /// <param name="catalog">The schemas the server declares; the core and enterprise User schemas when <see langword="null"/>.</param>
    internal ScimUser ToHostAttributes(Schema.ScimAttributeCatalog? catalog = null)
    {
        var copy = new ScimUser(Schema.ScimUndeclaredAttributes.Drop(this, catalog ?? Schema.ScimAttributeCatalog.Default)) { Schemas = null, Id = null, Meta = null, Groups = null };
        copy._active = null;
        return copy;
    }

    private string[] ComputeSchemas()
    {
        var schemas = new List<string>(2) { ScimSchemaUris.User };
        if (EnterpriseUser is not null)
        {
            schemas.Add(ScimSchemaUris.EnterpriseUser);
        }

        if (AdditionalAttributes is not null)
        {
            foreach (var (key, value) in AdditionalAttributes)
            {
                if (value.ValueKind == JsonValueKind.Object
                    && key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
                    && !schemas.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    schemas.Add(key);
                }
            }
        }

        return [.. schemas];
    }
}
