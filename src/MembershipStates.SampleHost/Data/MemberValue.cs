namespace MembershipStates.SampleHost.Data;

/// <summary>
/// One value of a member's multi-valued attribute (<c>emails</c>, <c>phoneNumbers</c>, <c>ims</c>, <c>photos</c>,
/// <c>addresses</c>, <c>entitlements</c>, <c>roles</c>, <c>x509Certificates</c>) or of an attribute of a User
/// schema extension the host declares, as filters compare it: a row of <c>member_values</c>, so that
/// <c>emails[type eq "work"].value sw "a"</c> runs in SQL as an <c>EXISTS</c> over the member's values.
/// </summary>
/// <remarks>
/// <para>Keyed by the member's SCIM id, which never changes: a member moving between <c>memberships</c> and
/// <c>inactive_memberships</c> leaves its values where they are. They are written only when the attributes
/// change, and removed with the member.</para>
/// <para>Strings are folded by <see cref="Normalization.Normalize"/>, except <see cref="Value"/> of
/// <c>x509Certificates</c>, which is <c>caseExact</c> and kept as sent. A value that has none of these
/// sub-attributes still has its row: <c>emails[type eq null]</c> matches it.</para>
/// <para>An extension attribute's row is named by the attribute's full path
/// (<c>urn:example:params:scim:schemas:extension:acme:2.0:User:office.floor</c>) and holds the value in the column of
/// its declared type, so that <c>gt</c>, <c>lt</c> and sorting compare as the type does: strings in
/// <see cref="Value"/> (folded unless <c>caseExact</c>), booleans in <see cref="Boolean"/>, integers in
/// <see cref="Integer"/>, decimals in <see cref="Number"/> and dateTimes in <see cref="Instant"/>.</para>
/// </remarks>
internal sealed class MemberValue
{
    public int OrganizationId { get; set; }

    public required string ScimId { get; set; }

    /// <summary>Gets or sets the attribute's name as RFC 7643 spells it, such as <c>emails</c>.</summary>
    public required string Attribute { get; set; }

    /// <summary>Gets or sets the value's index in the attribute's list.</summary>
    public int Position { get; set; }

    public string? Value { get; set; }

    public string? Display { get; set; }

    public string? Type { get; set; }

    public bool? Primary { get; set; }

    // The sub-attributes of addresses.
    public string? Formatted { get; set; }

    public string? StreetAddress { get; set; }

    public string? Locality { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    // The typed values of extension attributes.
    public bool? Boolean { get; set; }

    public long? Integer { get; set; }

    /// <summary>Gets or sets a decimal attribute's value: a double, which both engines order as a number (SQLite keeps <see cref="decimal"/> as text).</summary>
    public double? Number { get; set; }

    /// <summary>Gets or sets a dateTime attribute's value, stored as UTC ticks like every date of the model.</summary>
    public DateTimeOffset? Instant { get; set; }
}
