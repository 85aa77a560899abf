using System.Text.Json.Nodes;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The <c>/Users</c> endpoints over the host's <see cref="IScimMemberStore"/>: each reads what the store has, lets
/// <see cref="ScimUserOperations"/> decide, commits the decision, and answers.
/// </summary>
/// <remarks>Thread-safe; one instance serves the application.</remarks>
internal sealed class ScimUserHandlers
{
    private readonly MembershipStatesOptions _options;
    private readonly ScimUserOperations _operations;
    private readonly ScimUserSchema _userSchema;
    private readonly ILogger _logger;
    private readonly ScimTelemetry _telemetry;
    private readonly KeyedLocks _locks = new();

    public ScimUserHandlers(IOptions<MembershipStatesOptions> options, ScimServedSchemas schemas, TimeProvider timeProvider, ILoggerFactory loggerFactory, ScimTelemetry telemetry)
    {
        _options = options.Value;
        _userSchema = schemas.User;
        _operations = new ScimUserOperations(new MembershipLifecycle(_options.InactiveProvisionPolicy, timeProvider), _userSchema);
        _logger = loggerFactory.CreateLogger("MembershipStates.AspNetCore.Scim");
        _telemetry = telemetry;
    }

    /// <summary><c>GET /Users</c>: a page of members, filtered and sorted.</summary>
    public async Task<ScimResponse> ListAsync(ScimRequest request)
    {
        var parameters = ScimListParameters.Read(request, _options.Paging, _userSchema);
        if (!parameters.TryGetValue(out var list))
        {
            return parameters.Error.ToResponse();
        }

        var queried = await request.Store.QueryAsync(request.Organization, new ScimMemberQuery(list.Filter, list.Page, list.Sort), request.Aborted).ConfigureAwait(false);
        if (!queried.TryGetValue(out var result))
        {
            return queried.Error.ToResponse();
        }

        if (request.GroupStore is not { } groupStore || result.Members.Count == 0)
        {
            return ScimUserOperations.List(result.Members, result.TotalResults, list.Page, request.UsersEndpoint);
        }

        // One read for the whole page: each member's read-only groups, Inactive members' included.
        var groups = await groupStore.FindGroupsOfMembersAsync(request.Organization, [.. result.Members.Select(m => m.Id)], request.Aborted).ConfigureAwait(false);
        var resources = result.Members
            .Select(member => member.ToResource(request.UsersEndpoint).WithGroups([.. groups[member.Id]], request.GroupsEndpoint))
            .ToArray();
        return ScimResponse.List(new ScimListResponse<ScimUser>(resources, result.TotalResults, list.Page));
    }

    /// <summary><c>GET /Users/{id}</c>.</summary>
    public async Task<ScimResponse> ReadAsync(ScimRequest request)
    {
        var id = request.ResourceId;
        var current = await request.Store.FindByIdAsync(request.Organization, id, request.Aborted).ConfigureAwait(false);
        var ifNoneMatch = ScimPrecondition.IfNoneMatch(request.HttpContext.Request.Headers.IfNoneMatch.ToString());
        var operation = _operations.Read(current, id, ifNoneMatch);
        _telemetry.Decided(request, operation);
        return await AnswerAsync(request, operation, current?.Groups, request.Aborted).ConfigureAwait(false);
    }

    /// <summary><c>POST /Users</c>.</summary>
    public async Task<ScimResponse> CreateAsync(ScimRequest request)
    {
        var parsed = ScimUserOperations.ParseUser(request.Body.Span);
        if (!parsed.TryGetValue(out var user))
        {
            return parsed.Error.ToResponse();
        }

        // Validated by ParseUser: userName is present and not blank.
        var userName = user.UserName!;
        var newId = Guid.NewGuid().ToString("D");
        using var held = await _locks.AcquireAsync(LockKey(request.Organization, "userName", userName.ToUpperInvariant()), request.Aborted).ConfigureAwait(false);
        return await CommitAsync(
            request,
            retriesUniqueness: true,
            async cancellationToken =>
            {
                var existing = await request.Store.FindByUserNameOrExternalIdAsync(request.Organization, userName, user.ExternalId, cancellationToken).ConfigureAwait(false);
                return new Decided(_operations.Create(user, existing, newId), existing?.Groups);
            }).ConfigureAwait(false);
    }

    /// <summary><c>PUT /Users/{id}</c>.</summary>
    public async Task<ScimResponse> ReplaceAsync(ScimRequest request)
    {
        var parsed = ScimUserOperations.ParseUser(request.Body.Span);
        if (!parsed.TryGetValue(out var user))
        {
            return parsed.Error.ToResponse();
        }

        return await ChangeByIdAsync(request, (current, id, ifMatch) => _operations.Replace(current, id, user, ifMatch)).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /Users/{id}</c>: every operation, then one decision; answered 200 with the full resource.</summary>
    public async Task<ScimResponse> PatchAsync(ScimRequest request)
    {
        var parsed = ScimUserOperations.ParsePatch(request.Body.Span);
        if (!parsed.TryGetValue(out var patch))
        {
            return parsed.Error.ToResponse();
        }

        return await ChangeByIdAsync(request, (current, id, ifMatch) => _operations.Patch(current, id, patch, ifMatch)).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /Users/{id}</c>.</summary>
    public async Task<ScimResponse> DeleteAsync(ScimRequest request)
    {
        return await ChangeByIdAsync(request, (current, id, ifMatch) => ScimResult.Success(_operations.Delete(current, id, ifMatch))).ConfigureAwait(false);
    }

    /// <summary>The projection of User resources, honouring the <c>returned</c> of the host's extension attributes.</summary>
    public ScimAttributeProjection ProjectUsers(string? attributes, string? excludedAttributes) =>
        ScimAttributeProjection.ForUsers(attributes, excludedAttributes, _userSchema);

    /// <summary>
    /// The answer of an operation; when the host serves groups, a user is answered with its read-only <c>groups</c>,
    /// Inactive or not, as a read of it would be (a new one is in no group, which needs no read): the groups the store
    /// read with the member when it did, else the group store's.
    /// </summary>
    /// <remarks>
    /// The groups read with the member before the commit stay right after it: a commit of a User never changes its
    /// groups (the rows follow the member from one side to the other, the same groups), and group membership has no
    /// version of the user's to be consistent with: any read between the request's arrival and its answer is as
    /// current as another.
    /// </remarks>
    private static async Task<ScimResponse> AnswerAsync(ScimRequest request, ScimUserDecision operation, IReadOnlyList<ScimGroupReference>? groupsRead, CancellationToken cancellationToken)
    {
        var outcome = operation.Decision.Outcome;
        if (request.GroupStore is not { } groupStore
            || operation.IsNotModified
            || outcome is not (MembershipOutcome.Created or MembershipOutcome.Updated or MembershipOutcome.Unchanged or MembershipOutcome.Revived)
            || operation.ToResource(request.UsersEndpoint) is not { } resource)
        {
            return operation.ToResponse(request.UsersEndpoint);
        }

        var id = operation.Decision.Next.Id!;
        if (outcome == MembershipOutcome.Created)
        {
            // A new member is in no group: answered as a read of it would be, without asking the group store.
            return ScimResponse.ForOutcome(outcome, resource.WithGroups([], request.GroupsEndpoint), operation.RequestedId ?? id);
        }

        var groups = groupsRead
            ?? [.. (await groupStore.FindGroupsOfMembersAsync(request.Organization, [id], cancellationToken).ConfigureAwait(false))[id]];
        return ScimResponse.ForOutcome(outcome, resource.WithGroups(groups, request.GroupsEndpoint), operation.RequestedId ?? id);
    }

    private static ScimPrecondition IfMatch(ScimRequest request) =>
        ScimPrecondition.IfMatch(request.HttpContext.Request.Headers.IfMatch.ToString());

    private static string LockKey(string organization, string kind, string value) =>
        string.Concat(organization, "\n", kind, "\n", value);

    /// <summary>
    /// Changes the member the route's id names: serialized per id, re-read and re-decided on every attempt, so a lost
    /// race is decided again against what won it.
    /// </summary>
    private async Task<ScimResponse> ChangeByIdAsync(
        ScimRequest request,
        Func<ScimMember?, string, ScimPrecondition, ScimResult<ScimUserDecision>> decide)
    {
        var id = request.ResourceId;
        var ifMatch = IfMatch(request);
        using var held = await _locks.AcquireAsync(LockKey(request.Organization, "id", id), request.Aborted).ConfigureAwait(false);
        return await CommitAsync(
            request,
            retriesUniqueness: false,
            async cancellationToken =>
            {
                var current = await request.Store.FindByIdAsync(request.Organization, id, cancellationToken).ConfigureAwait(false);
                return new Decided(decide(current, id, ifMatch), current?.Groups);
            }).ConfigureAwait(false);
    }

    /// <summary>Commits a decision within a span of its own, which ends with the store's answer, or in error with its exception.</summary>
    /// <remarks>The span starts here rather than in the caller: it is the current activity only until this method
    /// returns, so that a retry's span is a sibling of this one, not its child.</remarks>
    private static async Task<ScimCommitResult> CommitTracedAsync(ScimRequest request, ScimUserDecision operation, CancellationToken cancellationToken)
    {
        using var span = ScimTelemetry.StartCommit(request, operation.Decision);
        try
        {
            var result = await request.Store.CommitAsync(request.Organization, operation.Decision, operation.Attributes, cancellationToken).ConfigureAwait(false);
            ScimTelemetry.Committed(span, result);
            return result;
        }
        catch (Exception exception) when (span is not null)
        {
            ScimTelemetry.CommitFailed(span, exception);
            throw;
        }
    }

    /// <summary>
    /// Decides, commits when the decision changes something, and retries a lost race by reading and deciding again,
    /// unless the operation says a version conflict is its answer (a stale <c>If-Match</c>).
    /// </summary>
    private async Task<ScimResponse> CommitAsync(
        ScimRequest request,
        bool retriesUniqueness,
        Func<CancellationToken, Task<Decided>> decide)
    {
        var cancellationToken = request.Aborted;
        for (var attempt = 1; ; attempt++)
        {
            var decided = await decide(cancellationToken).ConfigureAwait(false);
            if (!decided.Result.TryGetValue(out var operation))
            {
                // Refused before any decision: nothing to commit, nothing to count.
                return decided.Result.Error.ToResponse();
            }

            if (!operation.RequiresCommit)
            {
                _telemetry.Decided(request, operation);
                return await AnswerAsync(request, operation, decided.Groups, cancellationToken).ConfigureAwait(false);
            }

            var decision = operation.Decision;
            // Untraced, the store is called directly: the traced call's try block costs the hot path allocations.
            var result = ScimTelemetry.Source.HasListeners()
                ? await CommitTracedAsync(request, operation, cancellationToken).ConfigureAwait(false)
                : await request.Store.CommitAsync(request.Organization, decision, operation.Attributes, cancellationToken).ConfigureAwait(false);

            // The decision is counted where it settles the request; one that lost a race is decided again instead.
            switch (result)
            {
                case ScimCommitResult.Committed:
                    _telemetry.Decided(request, operation, result);
                    ScimLog.MembershipChanged(
                        _logger,
                        request.Organization,
                        decision.Id,
                        decision.Previous.State,
                        decision.Next.State,
                        decision.Command,
                        decision.Outcome,
                        decision.Next.Version);
                    return await AnswerAsync(request, operation, decided.Groups, cancellationToken).ConfigureAwait(false);

                case ScimCommitResult.VersionConflict when operation.VersionConflictError is { } stale:
                    _telemetry.Decided(request, operation, result);
                    return stale.ToResponse();

                case ScimCommitResult.UniquenessViolation when !retriesUniqueness || attempt > _options.MaxConflictRetries:
                    _telemetry.Decided(request, operation, result);
                    return ScimError.Uniqueness("Another user of this organization has the same userName (compared case-insensitively).").ToResponse();

                case ScimCommitResult.VersionConflict or ScimCommitResult.UniquenessViolation:
                    if (attempt > _options.MaxConflictRetries)
                    {
                        _telemetry.Decided(request, operation, result);
                        ScimLog.CommitRetriesExhausted(_logger, request.Organization, decision.Command, result, attempt);
                        return ScimError.Conflict(
                            "The user was changed by concurrent requests and this one could not be applied; nothing was changed. Read the user and retry.").ToResponse();
                    }

                    ScimLog.CommitRetried(_logger, request.Organization, decision.Command, result, attempt);
                    break;

                default:
                    throw new InvalidOperationException($"The store returned an undefined {nameof(ScimCommitResult)}: {result}.");
            }
        }
    }

    /// <summary>
    /// What a request came to on a read: the decision, or the refusal that answers it; and the member's groups when
    /// the store read them with it.
    /// </summary>
    private readonly record struct Decided(ScimResult<ScimUserDecision> Result, IReadOnlyList<ScimGroupReference>? Groups);
}
