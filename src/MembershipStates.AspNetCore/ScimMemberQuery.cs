using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <c>GET /Users</c> asks the store for: a filter and a page.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScimMemberQuery
{
    /// <summary>Initializes a new instance of the <see cref="ScimMemberQuery"/> class.</summary>
    /// <param name="filter">The parsed <c>filter</c> query parameter, or <see langword="null"/> when the request has none.</param>
    /// <param name="page">The page asked for.</param>
    public ScimMemberQuery(ScimFilter? filter, ScimPage page)
    {
        Filter = filter;
        Page = page;
    }

    /// <summary>Gets the filter (RFC 7644 §3.4.2.2), already parsed and checked; <see langword="null"/> matches every member.</summary>
    /// <remarks>Translate it over the host's own rows with a <see cref="ScimFilterMap{T}"/>; a filter on an attribute the
    /// map does not have is answered with <see cref="ScimMemberPage.Failed(ScimFilterError)"/> and the translation's error.</remarks>
    public ScimFilter? Filter { get; }

    /// <summary>Gets the page: skip <see cref="ScimPage.Offset"/> matches, then return at most <see cref="ScimPage.Count"/>.</summary>
    public ScimPage Page { get; }
}
