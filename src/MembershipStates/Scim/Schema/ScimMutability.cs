namespace MembershipStates.Scim.Schema;

/// <summary>Whether and how an attribute can be changed (RFC 7643 §2.2, <c>mutability</c>).</summary>
public enum ScimMutability
{
    /// <summary>The attribute can be read and written.</summary>
    ReadWrite,

    /// <summary>The attribute is set by the service provider and cannot be written.</summary>
    ReadOnly,

    /// <summary>The attribute can be written once, when the resource is created or while it has no value.</summary>
    Immutable,

    /// <summary>The attribute can be written but is never returned.</summary>
    WriteOnly,
}
