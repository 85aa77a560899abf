using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <c>GET /Users</c> (and <c>POST /Users/.search</c>) asks the store for: a filter, an order and a page.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScimMemberQuery
{
    /// <summary>Initializes a new instance of the <see cref="ScimMemberQuery"/> class.</summary>
    /// <param name="filter">The parsed <c>filter</c> query parameter, or <see langword="null"/> when the request has none.</param>
    /// <param name="page">The page asked for.</param>
    /// <param name="sort">The parsed <c>sortBy</c> and <c>sortOrder</c>, or <see langword="null"/> when the request has no <c>sortBy</c>.</param>
    public ScimMemberQuery(ScimFilter? filter, ScimPage page, ScimSort? sort = null)
    {
        Filter = filter;
        Page = page;
        Sort = sort;
    }

    /// <summary>Gets the filter (RFC 7644 §3.4.2.2), already parsed and checked; <see langword="null"/> matches every member.</summary>
    /// <remarks>Translate it over the host's own rows with a <see cref="ScimFilterMap{T}"/>; a filter on an attribute the
    /// map does not have is answered with a failed result (<see cref="ScimResult.Failure{T}"/>) and the translation's error.</remarks>
    public ScimFilter? Filter { get; }

    /// <summary>Gets the order asked for (RFC 7644 §3.4.2.3); <see langword="null"/> for the store's own stable order.</summary>
    /// <remarks>Apply it with <see cref="ScimFilterMap{T}.Order"/>, which breaks ties by <c>id</c>; a <c>sortBy</c> the
    /// map cannot sort by is answered with a failed result (<see cref="ScimResult.Failure{T}"/>) and the error it gives.</remarks>
    public ScimSort? Sort { get; }

    /// <summary>Gets the page: skip <see cref="ScimPage.Offset"/> matches, then return at most <see cref="ScimPage.Count"/>.</summary>
    public ScimPage Page { get; }
}
