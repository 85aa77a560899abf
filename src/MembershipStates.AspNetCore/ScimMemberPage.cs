using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimMemberStore.QueryAsync"/> found: one page of members and the total, or the error that
/// answers a query the store cannot run.
/// </summary>
/// <remarks>Immutable and thread-safe, provided the caller does not change the list it passed.</remarks>
public sealed class ScimMemberPage
{
    private ScimMemberPage(IReadOnlyList<ScimMember> members, int totalResults, ScimError? error)
    {
        Members = members;
        TotalResults = totalResults;
        Error = error;
    }

    /// <summary>Gets the members of the page, in the store's stable order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<ScimMember> Members { get; }

    /// <summary>Gets how many members match in all pages.</summary>
    public int TotalResults { get; }

    /// <summary>Gets the error that answers the request, such as a 400 <c>invalidFilter</c> for an attribute the store cannot filter on; otherwise <see langword="null"/>.</summary>
    public ScimError? Error { get; }

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
        return new ScimMemberPage(members, totalResults, null);
    }

    /// <summary>Creates the answer to a query the store cannot run.</summary>
    /// <param name="error">The error, such as the one <see cref="ScimFilterMap{T}.Translate"/> or <see cref="ScimFilterMap{T}.Order"/> gave.</param>
    /// <returns>The page, holding the error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static ScimMemberPage Failed(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ScimMemberPage([], 0, error);
    }
}
