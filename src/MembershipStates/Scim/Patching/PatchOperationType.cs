namespace MembershipStates.Scim.Patching;

/// <summary>The kind of one <c>PATCH</c> operation (RFC 7644 §3.5.2); read in any case (Entra sends <c>"Replace"</c>).</summary>
internal enum PatchOperationType
{
    /// <summary>Adds values: sets a simple attribute, merges into a complex one, appends to a multi-valued one.</summary>
    Add = 0,

    /// <summary>Replaces values: sets a simple attribute, replaces the given sub-attributes of a complex one, replaces a multi-valued one or the values its filter selects.</summary>
    Replace = 1,

    /// <summary>Removes the attribute, sub-attribute or the values a filter selects; needs a <c>path</c>.</summary>
    Remove = 2,
}
