using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <c>GET /Groups</c> (and <c>POST /Groups/.search</c>) asks the store for: a filter, an order, a page, and
/// whether the members are wanted.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScimGroupQuery
{
    /// <summary>Initializes a new instance of the <see cref="ScimGroupQuery"/> class.</summary>
    /// <param name="filter">The parsed <c>filter</c> query parameter, or <see langword="null"/> when the request has none.</param>
    /// <param name="page">The page asked for.</param>
    /// <param name="includeMembers">Whether the answer shows the members.</param>
    /// <param name="sort">The parsed <c>sortBy</c> and <c>sortOrder</c>, or <see langword="null"/> when the request has no <c>sortBy</c>.</param>
    public ScimGroupQuery(ScimFilter? filter, ScimPage page, bool includeMembers, ScimSort? sort = null)
    {
        Filter = filter;
        Page = page;
        IncludeMembers = includeMembers;
        Sort = sort;
    }

    /// <summary>Gets the filter (RFC 7644 §3.4.2.2), already parsed; <see langword="null"/> matches every group.</summary>
    /// <remarks>Translate it with a <see cref="ScimFilterMap{T}"/>; a filter the map cannot translate is answered with
    /// a failed result (<see cref="ScimResult.Failure{T}"/>).</remarks>
    public ScimFilter? Filter { get; }

    /// <summary>Gets the order asked for (RFC 7644 §3.4.2.3); <see langword="null"/> for the store's own stable order.</summary>
    /// <remarks>Apply it with <see cref="ScimFilterMap{T}.Order"/>; a <c>sortBy</c> the map cannot sort by is answered
    /// with a failed result (<see cref="ScimResult.Failure{T}"/>).</remarks>
    public ScimSort? Sort { get; }

    /// <summary>Gets the page: skip <see cref="ScimPage.Offset"/> matches, then return at most <see cref="ScimPage.Count"/>.</summary>
    public ScimPage Page { get; }

    /// <summary>Gets a value indicating whether to read the members of the groups returned.</summary>
    /// <remarks><see langword="false"/> for <c>excludedAttributes=members</c> and for an <c>attributes</c> list without
    /// <c>members</c> (Entra's probe asks for <c>attributes=id</c>): the store then never reads members.</remarks>
    public bool IncludeMembers { get; }
}
