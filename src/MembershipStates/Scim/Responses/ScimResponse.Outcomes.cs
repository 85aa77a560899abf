namespace MembershipStates.Scim;

/// <content>The one mapping from a lifecycle outcome to a SCIM response.</content>
public sealed partial class ScimResponse
{
    // One row per MembershipOutcome, indexed by its value; a test checks that every outcome has exactly one.
    private static readonly OutcomeRow[] OutcomeTable =
    [
        new(MembershipOutcome.NotFound, 404, OutcomeBody.Error, ScimError.ResourceNotFound),
        new(MembershipOutcome.Created, 201, OutcomeBody.ResourceWithLocation, null),
        new(MembershipOutcome.Updated, 200, OutcomeBody.Resource, null),
        new(MembershipOutcome.Unchanged, 200, OutcomeBody.Resource, null),
        new(MembershipOutcome.Revived, 201, OutcomeBody.ResourceWithLocation, null),
        new(MembershipOutcome.Removed, 204, OutcomeBody.Empty, null),
        new(MembershipOutcome.Conflict, 409, OutcomeBody.Error, _ => ScimError.Uniqueness("A user with this userName already exists in the organization.")),
        new(MembershipOutcome.PreconditionFailed, 412, OutcomeBody.Error, _ => ScimError.PreconditionFailed()),
    ];

    private enum OutcomeBody
    {
        Resource,
        ResourceWithLocation,
        Empty,
        Error,
    }

    /// <summary>Answers a lifecycle outcome: the status, headers and body the provider expects.</summary>
    /// <param name="outcome">The outcome of <see cref="MembershipLifecycle.Decide"/>.</param>
    /// <param name="resource">The resource after the decision, built by <see cref="ScimUser.WithMembership"/>;
    /// required for <see cref="MembershipOutcome.Created"/>, <see cref="MembershipOutcome.Revived"/>,
    /// <see cref="MembershipOutcome.Updated"/> and <see cref="MembershipOutcome.Unchanged"/>, ignored otherwise.</param>
    /// <param name="resourceId">The id the request named, for the detail of a 404; optional.</param>
    /// <returns>The response.</returns>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>outcome</term><description>response</description></listheader>
    /// <item><term>Created, Revived</term><description>201, <c>Location</c>, <c>ETag</c>, the resource</description></item>
    /// <item><term>Updated, Unchanged</term><description>200, <c>ETag</c>, the resource</description></item>
    /// <item><term>Removed</term><description>204, no body</description></item>
    /// <item><term>NotFound</term><description>404 error</description></item>
    /// <item><term>Conflict</term><description>409 error, <c>scimType</c> <c>uniqueness</c></description></item>
    /// <item><term>PreconditionFailed</term><description>412 error</description></item>
    /// </list>
    /// <para>A revival answers 201 like a creation: to the provider, a POST made the user exist again (with its
    /// old id).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value.</exception>
    /// <exception cref="ArgumentNullException">The outcome carries a resource and <paramref name="resource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The outcome is a creation and the resource has no <c>meta.location</c>.</exception>
    public static ScimResponse ForOutcome(MembershipOutcome outcome, ScimUser? resource, string? resourceId = null)
    {
        if ((uint)outcome >= (uint)OutcomeTable.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome.");
        }

        var row = OutcomeTable[(int)outcome];
        if (resource is null && row.Body is OutcomeBody.Resource or OutcomeBody.ResourceWithLocation)
        {
            throw new ArgumentNullException(nameof(resource), $"The outcome {outcome} answers with the resource; pass it.");
        }

        return row.Body switch
        {
            OutcomeBody.Resource => WithResource(row.Status, resource!, withLocation: false),
            OutcomeBody.ResourceWithLocation => WithResource(row.Status, resource!, withLocation: true),
            OutcomeBody.Empty => new ScimResponse(row.Status, [], ReadOnlyMemory<byte>.Empty),
            _ when row.Error is { } error => FromError(error(resourceId)),
            _ => throw new InvalidOperationException($"The outcome {outcome} answers with an error but its row names none."),
        };
    }

    /// <summary>Gets the status code an outcome answers with.</summary>
    internal static int StatusOf(MembershipOutcome outcome) => OutcomeTable[(int)outcome].Status;

    /// <summary>Gets the outcomes in table order, for checking that the table covers every outcome once.</summary>
    internal static IEnumerable<MembershipOutcome> TableOutcomes => OutcomeTable.Select(row => row.Outcome);

    private sealed record OutcomeRow(MembershipOutcome Outcome, int Status, OutcomeBody Body, Func<string?, ScimError>? Error);
}
