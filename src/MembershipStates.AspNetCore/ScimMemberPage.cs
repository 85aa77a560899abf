using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimMemberStore.QueryAsync"/> found: one page of members and how many match in all pages.
/// </summary>
/// <remarks>Immutable and thread-safe, provided the caller does not change the list it passed.</remarks>
public sealed class ScimMemberPage
{
    private ScimMemberPage(IReadOnlyList<ScimMember> members, int totalResults)
    {
        Members = members;
        TotalResults = totalResults;
    }

    /// <summary>Gets the members of the page, in the store's stable order.</summary>
    public IReadOnlyList<ScimMember> Members { get; }

    /// <summary>Gets how many members match in all pages.</summary>
    public int TotalResults { get; }

    /// <summary>Creates a page of results.</summary>
    /// <param name="members">The members of the page, in order; at most the count asked for.</param>
    /// <param name="totalResults">How many members match in all pages; at least the number in this page.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalResults"/> is negative.</exception>
    public static ScimMemberPage Of(IReadOnlyList<ScimMember> members, int totalResults)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegative(totalResults);
        return new ScimMemberPage(members, totalResults);
    }
}
