using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The query parameters of <c>GET /Users</c> and <c>GET /Groups</c> (RFC 7644 §3.4.2): the page, the filter and the
/// order, each read strictly; the first one that is malformed answers the request.
/// </summary>
/// <param name="Page">The page asked for.</param>
/// <param name="Filter">The filter, or <see langword="null"/> when none was sent.</param>
/// <param name="Sort">The order, or <see langword="null"/> for the store's own.</param>
internal sealed record ScimListParameters(ScimPage Page, ScimFilter? Filter, ScimSort? Sort)
{
    /// <summary>Reads the parameters of a list request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paging">The server's paging limits.</param>
    /// <param name="userSchema">The User schemas the server serves, for a list of Users; <see langword="null"/> for Groups.</param>
    /// <returns>The parameters, or the error that answers the first malformed one.</returns>
    public static ScimResult<ScimListParameters> Read(ScimRequest request, ScimPagingOptions paging, ScimUserSchema? userSchema)
    {
        var page = ScimPage.Parse(request.Query("startIndex"), request.Query("count"), paging);
        if (!page.TryGetValue(out var value))
        {
            return ScimResult.Failure<ScimListParameters>(page.Error);
        }

        ScimFilter? filter = null;
        if (request.Query("filter") is { } text && !string.IsNullOrWhiteSpace(text))
        {
            var parsed = userSchema is null ? ScimFilter.Parse(text) : ScimFilter.Parse(text, userSchema);
            if (!parsed.TryGetValue(out filter))
            {
                return ScimResult.Failure<ScimListParameters>(parsed.Error);
            }
        }

        var (sortBy, sortOrder) = (request.Query("sortBy"), request.Query("sortOrder"));
        var sort = userSchema is null ? ScimSort.Parse(sortBy, sortOrder) : ScimSort.Parse(sortBy, sortOrder, userSchema);
        return sort.TryGetValue(out var order)
            ? ScimResult.Success(new ScimListParameters(value, filter, order))
            : ScimResult.Failure<ScimListParameters>(sort.Error);
    }
}
