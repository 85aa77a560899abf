using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimGroupStore.QueryAsync"/> found: one page of groups and the total, or the error that answers a
/// query the store cannot run.
/// </summary>
/// <remarks>Immutable and thread-safe, provided the caller does not change the list it passed.</remarks>
public sealed class ScimGroupPage
{
    private ScimGroupPage(IReadOnlyList<ScimStoredGroup> groups, int totalResults, ScimError? error)
    {
        Groups = groups;
        TotalResults = totalResults;
        Error = error;
    }

    /// <summary>Gets the groups of the page, in the store's stable order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<ScimStoredGroup> Groups { get; }

    /// <summary>Gets how many groups match in all pages.</summary>
    public int TotalResults { get; }

    /// <summary>Gets the error that answers the request, such as a 400 <c>invalidFilter</c>; otherwise <see langword="null"/>.</summary>
    public ScimError? Error { get; }

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
        return new ScimGroupPage(groups, totalResults, null);
    }

    /// <summary>Creates the answer to a query the store cannot run.</summary>
    /// <param name="error">The error, such as the one <see cref="ScimFilterMap{T}.Translate"/> or <see cref="ScimFilterMap{T}.Order"/> gave.</param>
    /// <returns>The page, holding the error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static ScimGroupPage Failed(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ScimGroupPage([], 0, error);
    }
}
