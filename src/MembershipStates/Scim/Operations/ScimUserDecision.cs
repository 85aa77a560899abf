namespace MembershipStates.Scim;

/// <summary>
/// What a SCIM request on a user came to: a request error, or the lifecycle decision with the attributes to store.
/// </summary>
/// <remarks>
/// <para>When <see cref="Error"/> is set the request was refused before anything was decided and nothing changes.
/// Otherwise <see cref="Decision"/> says what to change: when <see cref="MembershipDecision.IsChange"/> is true the
/// host commits the decision's effects and <see cref="Attributes"/> in one transaction, guarded by the previous
/// version, and then answers <see cref="ToResponse"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimUserDecision
{
    private ScimUserDecision(MembershipDecision decision, ScimUser? attributes, ScimError? error, bool notModified, string? requestedId, ScimError? versionConflictError = null)
    {
        Decision = decision;
        Attributes = attributes;
        Error = error;
        IsNotModified = notModified;
        RequestedId = requestedId;
        VersionConflictError = versionConflictError;
    }

    /// <summary>Gets the lifecycle decision; meaningless when <see cref="Error"/> is set.</summary>
    public MembershipDecision Decision { get; }

    /// <summary>Gets the attributes the membership has after the operation, as the host keeps them; <see langword="null"/> when it has none.</summary>
    public ScimUser? Attributes { get; }

    /// <summary>Gets the error that refused the request before any decision, or <see langword="null"/>.</summary>
    public ScimError? Error { get; }

    /// <summary>Gets a value indicating whether a read's <c>If-None-Match</c> matched, so the answer is 304.</summary>
    public bool IsNotModified { get; }

    /// <summary>Gets a value indicating whether the host must commit something.</summary>
    public bool RequiresCommit => Error is null && Decision.IsChange;

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
        if (Error is not null)
        {
            return ScimResponse.FromError(Error);
        }

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
        return Error is null && Decision.Next.Exists && Attributes is not null
            ? Attributes.WithMembership(Decision.Next, LocationOf(usersEndpoint, Decision.Next.Id!))
            : null;
    }

    internal static ScimUserDecision Refused(ScimError error, string? requestedId = null) =>
        new(default, null, error, notModified: false, requestedId);

    internal static ScimUserDecision Decided(in MembershipDecision decision, ScimUser? attributes, string? requestedId = null) =>
        new(decision, attributes, null, notModified: false, requestedId);

    /// <summary>A decision made under <paramref name="precondition"/>, which says what a version conflict at commit means.</summary>
    internal static ScimUserDecision Decided(in MembershipDecision decision, ScimUser? attributes, string requestedId, ScimPrecondition precondition) =>
        new(decision, attributes, null, notModified: false, requestedId, precondition.NamesVersions ? StaleIfMatch : null);

    internal static ScimUserDecision NotModified(in MembershipDecision decision, ScimUser attributes, string requestedId) =>
        new(decision, attributes, null, notModified: true, requestedId);

    private static ScimError StaleIfMatch =>
        ScimError.PreconditionFailed("The user changed since the version in If-Match; nothing was changed.");

    internal static Uri LocationOf(Uri usersEndpoint, string id)
    {
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        var root = usersEndpoint.IsAbsoluteUri ? usersEndpoint.AbsoluteUri : usersEndpoint.OriginalString;
        return new Uri(root.TrimEnd('/') + "/" + Uri.EscapeDataString(id), UriKind.RelativeOrAbsolute);
    }
}
