using MembershipStates.Scim.Groups;

namespace MembershipStates.Scim;

/// <summary>
/// Answers the SCIM requests on groups — create, read, replace, patch, delete, list — as pure functions over what
/// the host stored.
/// </summary>
/// <remarks>
/// <para>The host does the I/O around each call: it finds the group the request names (without its members unless
/// the answer shows them), calls the operation, commits <see cref="ScimGroupDecision.Change"/> when
/// <see cref="ScimGroupDecision.RequiresCommit"/> is true, and writes <see cref="ScimGroupDecision.ToResponse"/>. Every
/// operation on one group can refuse a request (400, 404, 412): it returns a <see cref="ScimResult{T}"/>, whose
/// <see cref="ScimResult{T}.Error"/> answers a refusal, as every fallible call of the package does.</para>
/// <para>Every change increments the group's version (its ETag); a request that changes nothing keeps it. A
/// <c>PATCH</c> is answered 204 No Content, as both Okta and Microsoft Entra ID accept and as Entra advises: it never
/// reads or returns the member list, so patching a group of 10,000 members costs what patching one of 10 does.</para>
/// <para>Immutable and thread-safe; one instance serves the whole application.</para>
/// </remarks>
public sealed class ScimGroupOperations
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="ScimGroupOperations"/> class.</summary>
    /// <param name="timeProvider">The clock for created and last-modified times; the system clock by default.</param>
    public ScimGroupOperations(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Reads and validates the group a <c>POST</c> or <c>PUT</c> sends.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <returns>The group, or a 400 error (<c>invalidSyntax</c> or <c>invalidValue</c>) that says what to fix.</returns>
    /// <remarks>Microsoft Entra ID's <see cref="ScimSchemaUris.EntraGroup"/> in <c>schemas</c>, and its attributes, are accepted and ignored.</remarks>
    public static ScimResult<ScimGroup> ParseGroup(ReadOnlySpan<byte> body)
    {
        var parsed = ScimJson.ParseGroup(body);
        if (!parsed.TryGetValue(out var group))
        {
            return parsed;
        }

        return ScimGroupValidator.Instance.Check(group) is { } error ? ScimResult<ScimGroup>.Failure(error) : parsed;
    }

    /// <summary>Reads a <c>PATCH</c> of one group as member deltas (<see cref="ScimGroupPatch"/>).</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <param name="groupId">The id of the group the request names.</param>
    /// <returns>The patch, or a 400 error that says what to fix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> is <see langword="null"/>.</exception>
    public static ScimResult<ScimGroupPatch> ParsePatch(ReadOnlySpan<byte> body, string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        var request = ScimPatchRequest.Parse(body);
        return request.TryGetValue(out var patch)
            ? ScimGroupPatch.Create(patch, groupId)
            : ScimResult<ScimGroupPatch>.Failure(request.Error);
    }

    /// <summary>Creates a group (<c>POST /Groups</c>).</summary>
    /// <param name="requested">The group the request sends, read with <see cref="ParseGroup"/>.</param>
    /// <param name="newId">The SCIM id to assign.</param>
    /// <returns>The creation to commit, answered 201 with the group; a failure (400) when the group is invalid. A <c>displayName</c> another group of the organization has is the store's to report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requested"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is null, empty or white space.</exception>
    public ScimResult<ScimGroupDecision> Create(ScimGroup requested, string newId)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentException.ThrowIfNullOrWhiteSpace(newId);
        if (ScimGroupValidator.Instance.Check(requested) is { } invalid)
        {
            return Refused(invalid);
        }

        var now = _timeProvider.GetUtcNow();
        var members = MemberIds(requested);
        var created = new ScimStoredGroup(newId, requested.DisplayName!, requested.ExternalId, 1, now, now, AsMembers(members));
        var change = new ScimGroupChange(ScimGroupChangeKind.Create, newId, 0, WithoutMembers(created), replacesMembers: true, members, []);
        return Decided(ScimGroupDecision.Answer(201, created, change));
    }

    /// <summary>Reads a group (<c>GET /Groups/{id}</c>).</summary>
    /// <param name="current">The group with the requested id, with its members unless the request excludes them; <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="ifNoneMatch">The request's <c>If-None-Match</c>; a match answers 304.</param>
    /// <returns>The group (200) or 304; a failure (404) when there is none.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An operation like the others, called on the one instance a host keeps.")]
    public ScimResult<ScimGroupDecision> Read(ScimStoredGroup? current, string id, ScimPrecondition ifNoneMatch = default)
    {
        if (current is null)
        {
            return NotFound(id);
        }

        return Decided(ifNoneMatch.IsNoneMatch && !ifNoneMatch.IsSatisfiedBy(exists: true, current.Version)
            ? ScimGroupDecision.Answer(304, current)
            : ScimGroupDecision.Answer(200, current));
    }

    /// <summary>Replaces a group (<c>PUT /Groups/{id}</c>), as apps built with Okta's wizard push groups.</summary>
    /// <param name="current">The group with the requested id (its members need not be read), or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="requested">The group the request sends, read with <see cref="ParseGroup"/>.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>The change to commit, answered 200 with the group; a failure (400, 404, 412) when it may not be made.</returns>
    /// <remarks>The members sent replace the group's (RFC 7644 §3.5.1: what a <c>PUT</c> leaves out is unassigned, so
    /// a <c>PUT</c> without <c>members</c> empties the group). <c>id</c> and <c>meta</c> are read-only: another
    /// <c>id</c> than the path's, or a <c>meta.resourceType</c> other than <c>Group</c>, is a 400 <c>mutability</c>.</remarks>
    public ScimResult<ScimGroupDecision> Replace(ScimStoredGroup? current, string id, ScimGroup requested, ScimPrecondition ifMatch = default)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (current is null)
        {
            return NotFound(id);
        }

        if (requested.Id is not null && !string.Equals(requested.Id, current.Id, StringComparison.Ordinal))
        {
            return Refused(ScimError.Mutability($"'id' is read-only: the request sends \"{requested.Id}\" for the group \"{current.Id}\"."));
        }

        if (requested.Meta?.ResourceType is { } type && !string.Equals(type, "Group", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(ScimError.Mutability($"'meta' is read-only: 'meta.resourceType' is \"Group\", not \"{type}\"."));
        }

        if (ScimGroupValidator.Instance.Check(requested) is { } invalid)
        {
            return Refused(invalid);
        }

        if (!ifMatch.IsSatisfiedBy(exists: true, current.Version))
        {
            return PreconditionFailed();
        }

        var members = MemberIds(requested);
        var next = current.With(requested.DisplayName!, requested.ExternalId, checked(current.Version + 1), _timeProvider.GetUtcNow(), AsMembers(members));
        var change = new ScimGroupChange(ScimGroupChangeKind.Update, current.Id, current.Version, WithoutMembers(next), replacesMembers: true, members, []);
        return Decided(ScimGroupDecision.Answer(200, next, change, ifMatch));
    }

    /// <summary>Patches a group (<c>PATCH /Groups/{id}</c>): new names and member deltas, answered 204.</summary>
    /// <param name="current">The group with the requested id (its members need not be read), or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="patch">The patch, read with <see cref="ParsePatch"/>.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>The change to commit (none when the patch changes no name and no member), answered 204; a failure (404, 412) when it may not be made.</returns>
    public ScimResult<ScimGroupDecision> Patch(ScimStoredGroup? current, string id, ScimGroupPatch patch, ScimPrecondition ifMatch = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (current is null)
        {
            return NotFound(id);
        }

        if (!ifMatch.IsSatisfiedBy(exists: true, current.Version))
        {
            return PreconditionFailed();
        }

        var displayName = patch.DisplayName ?? current.DisplayName;
        var externalId = patch.ChangesExternalId ? patch.ExternalId : current.ExternalId;
        var renames = !string.Equals(displayName, current.DisplayName, StringComparison.Ordinal)
            || !string.Equals(externalId, current.ExternalId, StringComparison.Ordinal);
        if (!renames && !patch.ChangesMembers)
        {
            // Okta sends the rename with every membership update; the same name again changes nothing.
            return Decided(ScimGroupDecision.Answer(204, current));
        }

        var next = current.With(displayName, externalId, checked(current.Version + 1), _timeProvider.GetUtcNow(), members: null);
        var change = new ScimGroupChange(
            ScimGroupChangeKind.Update, current.Id, current.Version, next, patch.ReplacesMembers, patch.AddedMembers, patch.RemovedMembers);
        return Decided(ScimGroupDecision.Answer(204, next, change, ifMatch));
    }

    /// <summary>Deletes a group (<c>DELETE /Groups/{id}</c>): the group and its memberships go, its members' users stay as they are.</summary>
    /// <param name="current">The group with the requested id (its members need not be read), or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>The deletion to commit, answered 204; a failure (404, 412) when it may not be made.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An operation like the others, called on the one instance a host keeps.")]
    public ScimResult<ScimGroupDecision> Delete(ScimStoredGroup? current, string id, ScimPrecondition ifMatch = default)
    {
        if (current is null)
        {
            return NotFound(id);
        }

        if (!ifMatch.IsSatisfiedBy(exists: true, current.Version))
        {
            return PreconditionFailed();
        }

        return Decided(ScimGroupDecision.Answer(204, null, new ScimGroupChange(ScimGroupChangeKind.Delete, current.Id, current.Version, null, replacesMembers: false, [], []), ifMatch));
    }

    /// <summary>Answers a page of a list or filter (<c>GET /Groups</c>).</summary>
    /// <param name="groups">The groups on the requested page, in a stable order, with their members unless the request excludes them.</param>
    /// <param name="totalResults">How many groups match in all.</param>
    /// <param name="page">The page the request asked for.</param>
    /// <param name="groupsEndpoint">The absolute URL of the organization's <c>/Groups</c> endpoint.</param>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint, for each member's <c>$ref</c>.</param>
    /// <returns>A 200 ListResponse; an empty page is <c>"Resources": []</c>, never 404.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ScimResponse List(IReadOnlyList<ScimStoredGroup> groups, int totalResults, ScimPage page, Uri groupsEndpoint, Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupsEndpoint);
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        var resources = new ScimGroup[groups.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = groups[i].ToResource(groupsEndpoint, usersEndpoint);
        }

        return ScimResponse.List(new ScimListResponse<ScimGroup>(resources, totalResults, page));
    }

    private static ScimResult<ScimGroupDecision> Decided(ScimGroupDecision decision) => ScimResult<ScimGroupDecision>.Success(decision);

    private static ScimResult<ScimGroupDecision> Refused(ScimError error) => ScimResult<ScimGroupDecision>.Failure(error);

    private static ScimResult<ScimGroupDecision> NotFound(string? id) => Refused(ScimError.ResourceNotFound(id));

    private static ScimResult<ScimGroupDecision> PreconditionFailed() =>
        Refused(ScimError.PreconditionFailed("The group's version does not match If-Match; nothing was changed."));

    private static string[] MemberIds(ScimGroup group) =>
        group.Members is null ? [] : [.. group.Members.Select(member => member.Value!).Distinct(StringComparer.Ordinal)];

    private static ScimGroupMember[] AsMembers(string[] ids) => [.. ids.Select(id => new ScimGroupMember { Value = id })];

    private static ScimStoredGroup WithoutMembers(ScimStoredGroup group) =>
        group.With(group.DisplayName, group.ExternalId, group.Version, group.LastModified, members: null);
}
