using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <c>GET /Users</c> asks the store for: a filter and a page.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScimMemberQuery
{
    /// <summary>Initializes a new instance of the <see cref="ScimMemberQuery"/> class.</summary>
    /// <param name="filter">The <c>filter</c> query parameter, or <see langword="null"/> when the request has none.</param>
    /// <param name="page">The page asked for.</param>
    public ScimMemberQuery(string? filter, ScimPage page)
    {
        Filter = string.IsNullOrWhiteSpace(filter) ? null : filter;
        Page = page;
    }

    /// <summary>Gets the filter expression (RFC 7644 §3.4.2.2) as the request sends it; <see langword="null"/> matches every member.</summary>
    public string? Filter { get; }

    /// <summary>Gets the page: skip <see cref="ScimPage.Offset"/> matches, then return at most <see cref="ScimPage.Count"/>.</summary>
    public ScimPage Page { get; }
}
