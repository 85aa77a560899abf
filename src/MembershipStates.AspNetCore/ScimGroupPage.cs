using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimGroupStore.QueryAsync"/> found: one page of groups and how many match in all pages.
/// </summary>
/// <remarks>Immutable and thread-safe, provided the caller does not change the list it passed.</remarks>
public sealed class ScimGroupPage
{
    private ScimGroupPage(IReadOnlyList<ScimStoredGroup> groups, int totalResults)
    {
        Groups = groups;
        TotalResults = totalResults;
    }

    /// <summary>Gets the groups of the page, in the store's stable order.</summary>
    public IReadOnlyList<ScimStoredGroup> Groups { get; }

    /// <summary>Gets how many groups match in all pages.</summary>
    public int TotalResults { get; }

    /// <summary>Creates a page of results.</summary>
    /// <param name="groups">The groups of the page, in order; at most the count asked for.</param>
    /// <param name="totalResults">How many groups match in all pages; at least the number in this page.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalResults"/> is negative.</exception>
    public static ScimGroupPage Of(IReadOnlyList<ScimStoredGroup> groups, int totalResults)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(totalResults);
        return new ScimGroupPage(groups, totalResults);
    }
}
