namespace MembershipStates.Scim;

/// <summary>
/// What a SCIM request on a user was decided to be: the lifecycle decision, with the attributes to store and the
/// answer to give.
/// </summary>
/// <remarks>
/// <para>A request refused before any decision (a 400, say) is no decision: the operation answers it as a failed
/// <see cref="ScimResult{T}"/>. When <see cref="RequiresCommit"/> is true the host commits the decision's effects and
/// <see cref="Attributes"/> in one transaction, guarded by the previous version, and then answers
/// <see cref="ToResponse"/>; otherwise it answers at once.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimUserDecision
{
    private ScimUserDecision(MembershipDecision decision, ScimUser? attributes, bool notModified, string? requestedId, ScimError? versionConflictError = null)
    {
        Decision = decision;
        Attributes = attributes;
        IsNotModified = notModified;
        RequestedId = requestedId;
        VersionConflictError = versionConflictError;
    }

    /// <summary>Gets the lifecycle decision.</summary>
    public MembershipDecision Decision { get; }

    /// <summary>Gets the attributes the membership has after the operation, as the host keeps them; <see langword="null"/> when it has none.</summary>
    public ScimUser? Attributes { get; }

    /// <summary>Gets a value indicating whether a read's <c>If-None-Match</c> matched, so the answer is 304.</summary>
    public bool IsNotModified { get; }

    /// <summary>Gets a value indicating whether the decision changes something, which the host must commit before answering.</summary>
    public bool RequiresCommit => Decision.IsChange;

    /// <summary>Gets the id the request named, if it named one.</summary>
    public string? RequestedId { get; }

    /// <summary>
    /// Gets the answer when the store's commit finds the member changed since it was read: 412 when the request's
    /// <c>If-Match</c> named the version the decision was made on, which is gone; <see langword="null"/> when the
    /// request may be read and decided again.
    /// </summary>
    public ScimError? VersionConflictError { get; }

    /// <summary>Builds the response the provider expects.</summary>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint, for <c>Location</c> and <c>meta.location</c>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="usersEndpoint"/> is null.</exception>
    public ScimResponse ToResponse(Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        if (IsNotModified)
        {
            return ScimResponse.NotModified(Decision.Next.Version);
        }

        var next = Decision.Next;
        var resource = next.Exists && Attributes is not null
            ? Attributes.WithMembership(next, LocationOf(usersEndpoint, next.Id!))
            : null;
        return ScimResponse.ForOutcome(Decision.Outcome, resource, RequestedId ?? Decision.Id);
    }

    /// <summary>Builds the SCIM resource after the operation, or <see langword="null"/> when there is none.</summary>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint.</param>
    /// <returns>The resource.</returns>
    public ScimUser? ToResource(Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        return Decision.Next.Exists && Attributes is not null
            ? Attributes.WithMembership(Decision.Next, LocationOf(usersEndpoint, Decision.Next.Id!))
            : null;
    }

    internal static ScimUserDecision Decided(in MembershipDecision decision, ScimUser? attributes, string? requestedId = null) =>
        new(decision, attributes, notModified: false, requestedId);

    /// <summary>A decision made under <paramref name="precondition"/>, which says what a version conflict at commit means.</summary>
    internal static ScimUserDecision Decided(in MembershipDecision decision, ScimUser? attributes, string requestedId, ScimPrecondition precondition) =>
        new(decision, attributes, notModified: false, requestedId, precondition.NamesVersions ? StaleIfMatch : null);

    internal static ScimUserDecision NotModified(in MembershipDecision decision, ScimUser attributes, string requestedId) =>
        new(decision, attributes, notModified: true, requestedId);

    private static ScimError StaleIfMatch =>
        ScimError.PreconditionFailed("The user changed since the version in If-Match; nothing was changed.");

    internal static Uri LocationOf(Uri usersEndpoint, string id)
    {
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        var root = usersEndpoint.IsAbsoluteUri ? usersEndpoint.AbsoluteUri : usersEndpoint.OriginalString;
        return new Uri(root.TrimEnd('/') + "/" + Uri.EscapeDataString(id), UriKind.RelativeOrAbsolute);
    }
}
