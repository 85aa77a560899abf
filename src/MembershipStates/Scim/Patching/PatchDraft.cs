using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// The user a <c>PATCH</c> is being applied to: the schemas its paths resolve against, its attributes as JSON copied
/// on the first change, the <c>active</c> the operations ask for, and where in that JSON an attribute lives.
/// </summary>
/// <remarks>
/// <para>The stored user is never changed: operations write to the copy, so a request that fails half way leaves
/// nothing behind. The attributes are read as JSON only when an operation addresses them, so a request that only
/// (de)activates never builds or copies them.</para>
/// <para>Not thread-safe; one per request.</para>
/// </remarks>
internal sealed class PatchDraft
{
    private readonly ScimUser _user;
    private JsonObject? _original;

    public PatchDraft(ScimUser user, ScimAttributeCatalog catalog)
    {
        _user = user;
        Catalog = catalog;
    }

    /// <summary>Gets the schemas paths resolve against.</summary>
    public ScimAttributeCatalog Catalog { get; }

    /// <summary>Gets the attributes as they stand: the changed copy once there is one.</summary>
    public JsonObject Current => Changed ?? Original;

    /// <summary>Gets the changed copy, or <see langword="null"/> while nothing has been written.</summary>
    public JsonObject? Changed { get; private set; }

    /// <summary>Gets or sets the <c>active</c> the operations ask for.</summary>
    public bool? Active { get; set; }

    /// <summary>Gets the attributes before any change, as JSON without <c>active</c>; built on first use.</summary>
    private JsonObject Original
    {
        get
        {
            if (_original is null)
            {
                _original = ScimJson.ToJsonObject(_user);
                _original.Remove("active");
            }

            return _original;
        }
    }

    /// <summary>Returns the attributes to write to, copying them on the first call.</summary>
    /// <returns>The changed copy.</returns>
    public JsonObject Writable() => Changed ??= (JsonObject)Original.DeepClone();

    /// <summary>Returns what the operations came to.</summary>
    /// <returns>The outcome; <see cref="UserPatchOutcome.Original"/> only when an operation read the attributes.</returns>
    public UserPatchOutcome ToOutcome() => new(_original, Changed, Active);

    /// <summary>
    /// Returns the key of the extension schema a path names as a whole (<c>urn:…:enterprise:2.0:User</c>), which the
    /// grammar reads as schema <c>urn:…:2.0</c> and attribute <c>User</c>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The key, in the user's spelling when it has the extension; <see langword="null"/> for an attribute path, and for the URN of a
    /// schema the server does not declare (which then fails to resolve as an attribute).</returns>
    public string? SchemaKeyNamedBy(AttributePath path)
    {
        if (path.SchemaUrn is not { } schemaId || path.SubAttribute is not null || path.ValueFilter is not null)
        {
            return null;
        }

        return Catalog.FindSchema(schemaId + ":" + path.Name) is { } schema ? JsonMembers.KeyOf(Current, schema.Id, schema.Id) : null;
    }

    /// <summary>Returns the key of a declared extension schema: the user's spelling when it has the extension, otherwise the schema's id.</summary>
    /// <param name="schema">The extension schema.</param>
    /// <param name="sent">The key as the request sent it.</param>
    /// <returns>The key.</returns>
    public string SchemaKey(ScimSchemaDefinition schema, string sent) => JsonMembers.KeyOf(Current, sent, schema.Id);

    /// <summary>Finds the object an attribute lives in: the user itself, or its extension schema's object.</summary>
    /// <param name="path">The attribute's path.</param>
    /// <param name="create">Whether to add the extension's object when the user has none.</param>
    /// <returns>The object to write to, or <see langword="null"/> when the user has no object for the extension and <paramref name="create"/> is false.</returns>
    public JsonObject? ContainerOf(AttributePath path, bool create)
    {
        var schema = path.SchemaUrn;
        if (schema is null || string.Equals(schema, ScimSchemaIds.User, StringComparison.OrdinalIgnoreCase))
        {
            return Writable();
        }

        var key = JsonMembers.KeyOf(Current, schema);
        if (Current[key] is JsonObject && Writable()[key] is JsonObject existing)
        {
            return existing;
        }

        if (!create)
        {
            return null;
        }

        var extension = new JsonObject();
        Writable()[key] = extension;
        return extension;
    }
}
