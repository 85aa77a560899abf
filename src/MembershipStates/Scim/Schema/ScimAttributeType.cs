namespace MembershipStates.Scim.Schema;

/// <summary>The data type of a SCIM attribute (RFC 7643 §2.3).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are the SCIM type keywords of RFC 7643 §2.3.")]
public enum ScimAttributeType
{
    /// <summary>A sequence of characters; compared according to <c>caseExact</c>.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>; cannot be ordered.</summary>
    Boolean,

    /// <summary>A real number.</summary>
    Decimal,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>An <c>xsd:dateTime</c> instant, compared chronologically.</summary>
    DateTime,

    /// <summary>Base64-encoded bytes; cannot be ordered.</summary>
    Binary,

    /// <summary>A URI referring to a resource, compared as a string.</summary>
    Reference,

    /// <summary>A set of sub-attributes.</summary>
    Complex,
}
