namespace MembershipStates.Scim.Schema;

/// <summary>How unique an attribute's value must be (RFC 7643 §2.2, <c>uniqueness</c>).</summary>
public enum ScimUniqueness
{
    /// <summary>No uniqueness is required.</summary>
    None,

    /// <summary>Unique within the service provider's tenant.</summary>
    Server,

    /// <summary>Globally unique.</summary>
    Global,
}
