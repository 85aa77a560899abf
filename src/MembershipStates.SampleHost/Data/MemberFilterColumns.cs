namespace MembershipStates.SampleHost.Data;

/// <summary>
/// Copies of a member's single-valued attributes that filters compare in SQL, each folded by
/// <see cref="Normalization.Normalize"/> (none of them is <c>caseExact</c>): the value as a filter compares it, never
/// shown to anyone. The attributes themselves are in <see cref="ScimColumns.Attributes"/>.
/// </summary>
/// <remarks>
/// Columns of both membership tables, so they move with the member on (de)activation at no extra write. A member's
/// multi-valued attributes are rows of <see cref="MemberValue"/> instead, which stay where they are.
/// </remarks>
internal abstract class MemberFilterColumns
{
    public string? DisplayName { get; set; }

    public string? NickName { get; set; }

    public string? ProfileUrl { get; set; }

    public string? Title { get; set; }

    public string? UserType { get; set; }

    public string? PreferredLanguage { get; set; }

    public string? Locale { get; set; }

    public string? Timezone { get; set; }

    /// <summary>Gets or sets <c>name.formatted</c>.</summary>
    public string? FormattedName { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? MiddleName { get; set; }

    public string? HonorificPrefix { get; set; }

    public string? HonorificSuffix { get; set; }

    // The enterprise extension's attributes.
    public string? EmployeeNumber { get; set; }

    public string? CostCenter { get; set; }

    /// <summary>Gets or sets the enterprise extension's <c>organization</c>: a name the provider sends, not the app's organization.</summary>
    public string? EnterpriseOrganization { get; set; }

    public string? Division { get; set; }

    public string? Department { get; set; }

    /// <summary>Gets or sets <c>manager.value</c>.</summary>
    public string? ManagerId { get; set; }

    /// <summary>Gets or sets <c>manager.displayName</c>.</summary>
    public string? ManagerDisplayName { get; set; }

    /// <summary>Gets or sets <c>manager.$ref</c>.</summary>
    public string? ManagerReference { get; set; }
}
