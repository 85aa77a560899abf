namespace MembershipStates.Scim;

/// <summary>
/// What a SCIM request on a group was decided to be: the change to commit, if any, and the answer to give once it is
/// committed.
/// </summary>
/// <remarks>
/// <para>A request refused before any decision (400, 404, 412) is no decision: the operation answers it as a failed
/// <see cref="ScimResult{T}"/>, and nothing changes. When <see cref="RequiresCommit"/> is true the host commits
/// <see cref="Change"/> in one transaction and then answers <see cref="ToResponse"/>; otherwise it answers at
/// once.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimGroupDecision
{
    private readonly int _status;

    private ScimGroupDecision(int status, ScimStoredGroup? group, ScimGroupChange? change, ScimError? versionConflictError = null)
    {
        _status = status;
        Group = group;
        Change = change;
        VersionConflictError = versionConflictError;
    }

    /// <summary>Gets the change to commit, or <see langword="null"/> when there is none.</summary>
    public ScimGroupChange? Change { get; }

    /// <summary>Gets the group as it is after the operation, or <see langword="null"/> when there is none (deleted).</summary>
    public ScimStoredGroup? Group { get; }

    /// <summary>
    /// Gets the answer when the store's commit finds the group changed since it was read: 412 when the request's
    /// <c>If-Match</c> named the version the change was made on, which is gone; <see langword="null"/> when the
    /// request may be read and decided again.
    /// </summary>
    public ScimError? VersionConflictError { get; }

    /// <summary>Gets a value indicating whether the decision is a change, <see cref="Change"/>, which the host must commit before answering.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Change))]
    public bool RequiresCommit => Change is not null;

    /// <summary>Gets a value indicating whether a read's <c>If-None-Match</c> matched, so the answer is 304.</summary>
    public bool IsNotModified => _status == 304;

    /// <summary>Builds the response the provider expects: 200 or 201 with the group, 204 for a <c>PATCH</c> or a <c>DELETE</c>, or 304.</summary>
    /// <param name="groupsEndpoint">The absolute URL of the organization's <c>/Groups</c> endpoint, for <c>Location</c> and <c>meta.location</c>.</param>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint, for each member's <c>$ref</c>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException">An endpoint is <see langword="null"/>.</exception>
    public ScimResponse ToResponse(Uri groupsEndpoint, Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(groupsEndpoint);
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        return _status switch
        {
            204 => ScimResponse.NoContent(),
            304 => ScimResponse.NotModified(Group!.Version),
            _ => ScimResponse.WithResource(_status, Group!.ToResource(groupsEndpoint, usersEndpoint), withLocation: _status == 201),
        };
    }

    /// <summary>
    /// The same answer with the group as the store reads it back after the commit: the members of a created or
    /// replaced group then carry their <c>display</c>, as a <c>GET</c> shows them, which the request did not send.
    /// </summary>
    /// <param name="stored">The group read back, with its members; the same group and version as <see cref="Group"/>.</param>
    /// <returns>The answer with <paramref name="stored"/>; this one when there is no group to answer, or <paramref name="stored"/> is another group or version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stored"/> is <see langword="null"/>.</exception>
    public ScimGroupDecision WithGroupAsStored(ScimStoredGroup stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Group is { } group && _status is 200 or 201 && stored.Id == group.Id && stored.Version == group.Version
            ? new ScimGroupDecision(_status, stored, Change, VersionConflictError)
            : this;
    }

    /// <inheritdoc />
    public override string ToString() => $"{_status}: {Change?.ToString() ?? "no change"}";

    internal static ScimGroupDecision Answer(int status, ScimStoredGroup? group, ScimGroupChange? change = null) => new(status, group, change);

    /// <summary>A change made under <paramref name="ifMatch"/>, which says what a version conflict at commit means.</summary>
    internal static ScimGroupDecision Answer(int status, ScimStoredGroup? group, ScimGroupChange change, ScimPrecondition ifMatch) =>
        new(status, group, change, ifMatch.NamesVersions ? StaleIfMatch : null);

    private static ScimError StaleIfMatch =>
        ScimError.PreconditionFailed("The group changed since the version in If-Match; nothing was changed.");
}
