using System.Text.Json.Nodes;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The <c>/Groups</c> endpoints over the host's <see cref="IScimGroupStore"/>: each reads what the store has, lets
/// <see cref="ScimGroupOperations"/> decide, commits the change, and answers.
/// </summary>
/// <remarks>Thread-safe; one instance serves the application.</remarks>
internal sealed class ScimGroupHandlers
{
    // Naming the member a store refused costs one read per added id; past this many the detail stays general.
    private const int MaxUnknownMemberLookups = 100;

    private readonly MembershipStatesOptions _options;
    private readonly ScimGroupOperations _operations;
    private readonly ILogger _logger;
    private readonly KeyedLocks _locks = new();

    public ScimGroupHandlers(IOptions<MembershipStatesOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _operations = new ScimGroupOperations(timeProvider);
        _logger = loggerFactory.CreateLogger("MembershipStates.AspNetCore.Scim");
    }

    /// <summary><c>GET /Groups</c>: a page of groups, filtered and sorted, with or without their members.</summary>
    public async Task<ScimResponse> ListAsync(ScimRequest request)
    {
        var parameters = ScimListParameters.Read(request, _options.Paging, userSchema: null);
        if (!parameters.TryGetValue(out var list))
        {
            return parameters.Error.ToResponse();
        }

        var query = new ScimGroupQuery(list.Filter, list.Page, IncludesMembers(request), list.Sort);
        var queried = await Store(request).QueryAsync(request.Organization, query, request.Aborted).ConfigureAwait(false);
        if (!queried.TryGetValue(out var result))
        {
            return queried.Error.ToResponse();
        }

        var groups = query.IncludeMembers ? result.Groups : [.. result.Groups.Select(WithoutMembers)];
        return ScimGroupOperations.List(groups, result.TotalResults, list.Page, request.GroupsEndpoint, request.UsersEndpoint);
    }

    /// <summary><c>GET /Groups</c> of a host that serves no groups: the list is valid and empty.</summary>
    public Task<ScimResponse> ListWithoutStoreAsync(ScimRequest request)
    {
        var page = ScimPage.Parse(request.Query("startIndex"), request.Query("count"), _options.Paging);
        if (!page.TryGetValue(out var value))
        {
            return Task.FromResult(page.Error.ToResponse());
        }

        var sort = ScimSort.Parse(request.Query("sortBy"), request.Query("sortOrder"));
        return Task.FromResult(sort.IsSuccess
            ? ScimResponse.List(new ScimListResponse<JsonObject>([], 0, value))
            : sort.Error.ToResponse());
    }

    /// <summary><c>GET /Groups/{id}</c> of a host that serves no groups: there are none.</summary>
    public static Task<ScimResponse> ReadWithoutStoreAsync(ScimRequest request) =>
        Task.FromResult(ScimError.ResourceNotFound(request.ResourceId).ToResponse());

    /// <summary><c>GET /Groups/{id}</c>.</summary>
    public async Task<ScimResponse> ReadAsync(ScimRequest request)
    {
        var id = request.ResourceId;
        var includeMembers = IncludesMembers(request);
        var current = await Store(request).FindByIdAsync(request.Organization, id, includeMembers, request.Aborted).ConfigureAwait(false);
        var ifNoneMatch = ScimPrecondition.IfNoneMatch(request.HttpContext.Request.Headers.IfNoneMatch.ToString());
        var read = _operations.Read(current is not null && !includeMembers ? WithoutMembers(current) : current, id, ifNoneMatch);
        return read.TryGetValue(out var operation)
            ? operation.ToResponse(request.GroupsEndpoint, request.UsersEndpoint)
            : read.Error.ToResponse();
    }

    /// <summary><c>POST /Groups</c>: answered 201 with the group.</summary>
    public async Task<ScimResponse> CreateAsync(ScimRequest request)
    {
        var parsed = ScimGroupOperations.ParseGroup(request.Body.Span);
        if (!parsed.TryGetValue(out var group))
        {
            return parsed.Error.ToResponse();
        }

        // Serialized per displayName within this process; the store's unique index is the final arbiter.
        using var held = await _locks.AcquireAsync(LockKey(request.Organization, "displayName", group.DisplayName!.ToUpperInvariant()), request.Aborted).ConfigureAwait(false);
        return await CommitAsync(
            request,
            _ => Task.FromResult(_operations.Create(group, Guid.NewGuid().ToString("D")))).ConfigureAwait(false);
    }

    /// <summary><c>PUT /Groups/{id}</c>: the members sent replace the group's; answered 200 with the group.</summary>
    public async Task<ScimResponse> ReplaceAsync(ScimRequest request)
    {
        var parsed = ScimGroupOperations.ParseGroup(request.Body.Span);
        if (!parsed.TryGetValue(out var group))
        {
            return parsed.Error.ToResponse();
        }

        return await ChangeByIdAsync(request, (current, id, ifMatch) => _operations.Replace(current, id, group, ifMatch)).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /Groups/{id}</c>: names and member deltas, answered 204 without reading the members.</summary>
    public async Task<ScimResponse> PatchAsync(ScimRequest request)
    {
        var parsed = ScimGroupOperations.ParsePatch(request.Body.Span, request.ResourceId);
        if (!parsed.TryGetValue(out var patch))
        {
            return parsed.Error.ToResponse();
        }

        return await ChangeByIdAsync(request, (current, id, ifMatch) => _operations.Patch(current, id, patch, ifMatch)).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /Groups/{id}</c>: the group and its memberships go; the users stay.</summary>
    public Task<ScimResponse> DeleteAsync(ScimRequest request) =>
        ChangeByIdAsync(request, _operations.Delete);

    /// <summary>Whether the answer shows members: not with <c>excludedAttributes=members</c>, nor with an <c>attributes</c> list that leaves them out.</summary>
    internal static bool IncludesMembers(ScimRequest request)
    {
        if (Names(request.Query("excludedAttributes")).Any(IsMembers))
        {
            return false;
        }

        return request.Query("attributes") is not { } attributes || string.IsNullOrWhiteSpace(attributes) || Names(attributes).Any(IsMembers);
    }

    private static string[] Names(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsMembers(string attribute)
    {
        var name = attribute.StartsWith(ScimSchemaUris.Group + ":", StringComparison.OrdinalIgnoreCase)
            ? attribute[(ScimSchemaUris.Group.Length + 1)..]
            : attribute;
        return string.Equals(name, "members", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("members.", StringComparison.OrdinalIgnoreCase);
    }

    private static ScimStoredGroup WithoutMembers(ScimStoredGroup group) => group.Members is null
        ? group
        : new ScimStoredGroup(group.Id, group.DisplayName, group.ExternalId, group.Version, group.Created, group.LastModified);

    private static IScimGroupStore Store(ScimRequest request) =>
        request.GroupStore ?? throw new InvalidOperationException($"The group endpoints are mapped only when an {nameof(IScimGroupStore)} is registered.");

    private static string LockKey(string organization, string kind, string value) =>
        string.Concat(organization, "\ngroup\n", kind, "\n", value);

    /// <summary>Changes the group the route's id names: serialized per id, re-read and re-decided on every attempt.</summary>
    private async Task<ScimResponse> ChangeByIdAsync(ScimRequest request, Func<ScimStoredGroup?, string, ScimPrecondition, ScimResult<ScimGroupDecision>> decide)
    {
        var id = request.ResourceId;
        var ifMatch = ScimPrecondition.IfMatch(request.HttpContext.Request.Headers.IfMatch.ToString());
        using var held = await _locks.AcquireAsync(LockKey(request.Organization, "id", id), request.Aborted).ConfigureAwait(false);
        return await CommitAsync(
            request,
            async cancellationToken =>
            {
                // A change never needs the member list: PUT and PATCH send deltas, DELETE drops the rows.
                var current = await Store(request).FindByIdAsync(request.Organization, id, includeMembers: false, cancellationToken).ConfigureAwait(false);
                return decide(current is null ? null : WithoutMembers(current), id, ifMatch);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// A created or replaced group with members is answered as the store now has it, read back with its members, so
    /// that each carries its <c>display</c>; a PATCH (204) and a group without members are answered as they are.
    /// </summary>
    private static async Task<ScimGroupDecision> WithStoredMembersAsync(ScimRequest request, ScimGroupDecision operation, CancellationToken cancellationToken)
    {
        var method = request.HttpContext.Request.Method;
        if (operation.Group is not { Members.Count: > 0 } group || !(HttpMethods.IsPost(method) || HttpMethods.IsPut(method)))
        {
            return operation;
        }

        var stored = await Store(request).FindByIdAsync(request.Organization, group.Id, includeMembers: true, cancellationToken).ConfigureAwait(false);
        return stored is null ? operation : operation.WithGroupAsStored(stored);
    }

    private async Task<ScimResponse> CommitAsync(ScimRequest request, Func<CancellationToken, Task<ScimResult<ScimGroupDecision>>> decide)
    {
        var cancellationToken = request.Aborted;
        for (var attempt = 1; ; attempt++)
        {
            var decided = await decide(cancellationToken).ConfigureAwait(false);
            if (!decided.TryGetValue(out var operation))
            {
                return decided.Error.ToResponse();
            }

            if (!operation.RequiresCommit)
            {
                return operation.ToResponse(request.GroupsEndpoint, request.UsersEndpoint);
            }

            var change = operation.Change;
            var result = await Store(request).CommitAsync(request.Organization, change, cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case ScimGroupCommitResult.Committed:
                    ScimLog.GroupChanged(
                        _logger,
                        change.Kind,
                        change.GroupId,
                        request.Organization,
                        change.Group?.Version,
                        change.AddedMembers.Count,
                        change.RemovedMembers.Count,
                        change.ReplacesMembers);
                    return (await WithStoredMembersAsync(request, operation, cancellationToken).ConfigureAwait(false))
                        .ToResponse(request.GroupsEndpoint, request.UsersEndpoint);

                case ScimGroupCommitResult.UniquenessViolation:
                    return ScimError.Uniqueness("Another group of this organization has the same displayName (compared case-insensitively).").ToResponse();

                case ScimGroupCommitResult.UnknownMember:
                    return (await UnknownMemberAsync(request, change.AddedMembers, cancellationToken).ConfigureAwait(false)).ToResponse();

                case ScimGroupCommitResult.VersionConflict when operation.VersionConflictError is { } stale:
                    return stale.ToResponse();

                case ScimGroupCommitResult.VersionConflict:
                    if (attempt > _options.MaxConflictRetries)
                    {
                        return ScimError.Conflict(
                            "The group was changed by concurrent requests and this one could not be applied; nothing was changed. Read the group and retry.").ToResponse();
                    }

                    ScimLog.GroupCommitRetried(_logger, change.Kind, change.GroupId, request.Organization, result, attempt);
                    break;

                default:
                    throw new InvalidOperationException($"The store returned an undefined {nameof(ScimGroupCommitResult)}: {result}.");
            }
        }
    }

    /// <summary>The 400 of a refused member: names the first added value that is not a member of the organization, when it can be found cheaply.</summary>
    private static async Task<ScimError> UnknownMemberAsync(ScimRequest request, IReadOnlyList<string> added, CancellationToken cancellationToken)
    {
        foreach (var value in added.Take(MaxUnknownMemberLookups))
        {
            if (await request.Store.FindByIdAsync(request.Organization, value, cancellationToken).ConfigureAwait(false) is null)
            {
                return ScimError.InvalidValue($"The member \"{value}\" is not a user of this organization; nothing was changed.");
            }
        }

        return ScimError.InvalidValue("A member is not a user of this organization (unknown, removed, or another organization's); nothing was changed.");
    }
}
