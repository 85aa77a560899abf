using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// Answers the SCIM requests on users — create, read, replace, delete, list — as pure functions over what the host
/// stored, deciding every lifecycle change with a <see cref="MembershipLifecycle"/>.
/// </summary>
/// <remarks>
/// <para>The host does the I/O around each call: it finds the member the request concerns, calls the operation,
/// commits the decision when <see cref="ScimUserDecision.RequiresCommit"/> is true, and writes
/// <see cref="ScimUserDecision.ToResponse"/> to the wire. An operation that can refuse a request returns a
/// <see cref="ScimResult{T}"/>, whose <see cref="ScimResult{T}.Error"/> answers a refusal, as every fallible call of
/// the package does. <see cref="Read"/> and <see cref="Delete"/> refuse nothing and return the decision itself: a
/// user's 404 and 412 are lifecycle outcomes, decided like any other (a group's, with no lifecycle, are refusals of
/// <see cref="ScimGroupOperations"/>).</para>
/// <para>The attributes an operation hands the host to store hold only what a schema of the server declares:
/// attributes, sub-attributes and extension schemas a <c>POST</c> or <c>PUT</c> body (or a PATCH value) carries beyond
/// them are ignored, as RFC 7644 §3.3 allows, so <c>/Schemas</c> describes everything stored. A PATCH <c>path</c>
/// naming one is refused instead (400 <c>invalidPath</c>). The schemas are those of the <see cref="ScimUserSchema"/>
/// given, which holds the extensions the host declares.</para>
/// <para>Immutable and thread-safe; one instance serves the whole application.</para>
/// </remarks>
public sealed partial class ScimUserOperations
{
    private readonly MembershipLifecycle _lifecycle;
    private readonly ScimAttributeCatalog _catalog;

    /// <summary>Initializes a new instance of the <see cref="ScimUserOperations"/> class.</summary>
    /// <param name="lifecycle">The lifecycle that decides every change.</param>
    /// <param name="userSchema">The User schemas, with the host's extensions; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lifecycle"/> is null.</exception>
    public ScimUserOperations(MembershipLifecycle lifecycle, ScimUserSchema? userSchema = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        _lifecycle = lifecycle;
        _catalog = (userSchema ?? ScimUserSchema.Default).Catalog;
    }

    /// <summary>Reads and validates the user a <c>POST</c> or <c>PUT</c> sends.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <returns>The user, or a 400 error (<c>invalidSyntax</c> or <c>invalidValue</c>) that says what to fix.</returns>
    public static ScimResult<ScimUser> ParseUser(ReadOnlySpan<byte> body)
    {
        var parsed = ScimJson.ParseUser(body);
        if (!parsed.TryGetValue(out var user))
        {
            return parsed;
        }

        return ScimUserValidator.ForRequests.Check(user) is { } error
            ? ScimResult<ScimUser>.Failure(error)
            : parsed;
    }

    /// <summary>Provisions a user (<c>POST /Users</c>).</summary>
    /// <param name="requested">The user the request sends, read with <see cref="ParseUser"/>.</param>
    /// <param name="existing">The member of the organization with the same <c>userName</c> (compared case-insensitively) or <c>externalId</c>, Inactive included; <see langword="null"/> when there is none.</param>
    /// <param name="newId">The SCIM id to assign if a new membership is created.</param>
    /// <returns>Created (201), revived in place with the existing id (201), or a conflict (409 <c>uniqueness</c>); a failure (400) when the user cannot be stored as sent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requested"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is null, empty or white space.</exception>
    public ScimResult<ScimUserDecision> Create(ScimUser requested, ScimMember? existing, string newId)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (ScimUserValidator.ForRequests.Check(requested) is { } invalid)
        {
            return Refused(invalid);
        }

        var kept = Keep(requested, existing?.Attributes);
        if (!kept.TryGetValue(out var attributes))
        {
            return Refused(kept.Error);
        }

        var current = existing?.Membership ?? MembershipSnapshot.NotMember;
        var decision = _lifecycle.Decide(current, MembershipCommand.Provision(newId, requested.Active));
        return Decided(decision.IsChange
            ? ScimUserDecision.Decided(decision, attributes)
            : ScimUserDecision.Decided(decision, existing?.Attributes));
    }

    /// <summary>Reads a user (<c>GET /Users/{id}</c>).</summary>
    /// <param name="current">The member with the requested id, or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="ifNoneMatch">The request's <c>If-None-Match</c>; a match answers 304.</param>
    /// <returns>The member (200, <c>active</c> false for an inactive one), 304, or not found (404).</returns>
    public ScimUserDecision Read(ScimMember? current, string id, ScimPrecondition ifNoneMatch = default)
    {
        var snapshot = current?.Membership ?? MembershipSnapshot.NotMember;
        var decision = _lifecycle.Decide(snapshot, MembershipCommand.Read());
        if (current is not null && ifNoneMatch.IsNoneMatch && !ifNoneMatch.IsSatisfiedBy(snapshot))
        {
            return ScimUserDecision.NotModified(decision, current.Attributes, id);
        }

        return ScimUserDecision.Decided(decision, current?.Attributes, id);
    }

    /// <summary>Replaces a user (<c>PUT /Users/{id}</c>).</summary>
    /// <param name="current">The member with the requested id, or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="requested">The user the request sends, read with <see cref="ParseUser"/>.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>The decision with the attributes to store (404 when there is no such member, 412 when <paramref name="ifMatch"/> fails); a failure (400) when the request may not be applied.</returns>
    /// <remarks>
    /// <para>A <c>PUT</c> that leaves <c>active</c> out keeps the current state and changes only the profile; one that
    /// sends <c>active</c> deactivates or reactivates in the same decision as its attribute changes.</para>
    /// <para><c>id</c>, <c>meta</c> and <c>groups</c> are read-only: an <c>id</c> other than the one in the path, or a
    /// <c>meta.resourceType</c> other than <c>User</c>, is a 400 <c>mutability</c> error; otherwise what is sent for
    /// them (Okta sends them back as it read them) is ignored.</para>
    /// </remarks>
    public ScimResult<ScimUserDecision> Replace(ScimMember? current, string id, ScimUser requested, ScimPrecondition ifMatch = default)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (current is null)
        {
            return Decided(ScimUserDecision.Decided(_lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.UpdateProfile()), null, id));
        }

        if (requested.Id is not null && !string.Equals(requested.Id, current.Id, StringComparison.Ordinal))
        {
            return Refused(ScimError.Mutability($"'id' is read-only: the request sends \"{requested.Id}\" for the user \"{current.Id}\"."));
        }

        if (requested.Meta?.ResourceType is { } type && !string.Equals(type, "User", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(ScimError.Mutability($"'meta' is read-only: 'meta.resourceType' is \"User\", not \"{type}\"."));
        }

        if (ScimUserValidator.ForRequests.Check(requested) is { } invalid)
        {
            return Refused(invalid);
        }

        var kept = Keep(requested, current.Attributes);
        if (!kept.TryGetValue(out var attributes))
        {
            return Refused(kept.Error);
        }

        return Decided(Change(
            current,
            id,
            attributes,
            !JsonNode.DeepEquals(ScimJson.ToJsonObject(attributes), ScimJson.ToJsonObject(current.Attributes)),
            requested.IsActiveSpecified ? requested.Active : null,
            ifMatch));
    }

    /// <summary>
    /// The attributes a <c>POST</c> or <c>PUT</c> stores: the declared ones, typed, with the extensions' <c>readOnly</c>
    /// values the stored ones and their <c>immutable</c> ones unchanged (RFC 7644 §3.5.1).
    /// </summary>
    private ScimResult<ScimUser> Keep(ScimUser requested, ScimUser? stored)
    {
        var kept = ScimExtensionValues.Check(requested.ToHostAttributes(_catalog), _catalog);
        return kept.TryGetValue(out var attributes) ? ScimExtensionMutability.Replace(attributes, stored, _catalog) : kept;
    }

    /// <summary>Removes a user (<c>DELETE /Users/{id}</c>).</summary>
    /// <param name="current">The member with the requested id, or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>Removed (204) or not found (404); after a removal every operation on the id is 404 (RFC 7644 §3.6).</returns>
    public ScimUserDecision Delete(ScimMember? current, string id, ScimPrecondition ifMatch = default)
    {
        var snapshot = current?.Membership ?? MembershipSnapshot.NotMember;
        var decision = _lifecycle.Decide(snapshot, ifMatch.ApplyTo(MembershipCommand.Remove(), snapshot));
        return ScimUserDecision.Decided(decision, decision.IsChange ? null : current?.Attributes, id, ifMatch);
    }

    /// <summary>Answers a page of a list or filter (<c>GET /Users</c>).</summary>
    /// <param name="members">The members on the requested page, in a stable order, Inactive included.</param>
    /// <param name="totalResults">How many members match in all.</param>
    /// <param name="page">The page the request asked for.</param>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint.</param>
    /// <returns>A 200 ListResponse; an empty page is <c>"Resources": []</c>, never 404.</returns>
    public static ScimResponse List(IReadOnlyList<ScimMember> members, int totalResults, ScimPage page, Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        var resources = new ScimUser[members.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = members[i].ToResource(usersEndpoint);
        }

        return ScimResponse.List(new ScimListResponse<ScimUser>(resources, totalResults, page));
    }

    /// <summary>Decides a change of attributes and, when <paramref name="active"/> has a value, of state, as one command.</summary>
    private ScimUserDecision Change(ScimMember current, string id, ScimUser attributes, bool changesAttributes, bool? active, ScimPrecondition ifMatch)
    {
        var command = active is { } value
            ? MembershipCommand.SetActive(value, changesAttributes)
            : MembershipCommand.UpdateProfile(changesAttributes);
        var decision = _lifecycle.Decide(current.Membership, ifMatch.ApplyTo(command, current.Membership));
        var kept = (decision.Effects & MembershipEffects.WriteAttributes) != 0 ? attributes : current.Attributes;
        return ScimUserDecision.Decided(decision, kept, id, ifMatch);
    }

    private static ScimResult<ScimUserDecision> Decided(ScimUserDecision decision) => ScimResult<ScimUserDecision>.Success(decision);

    private static ScimResult<ScimUserDecision> Refused(ScimError error) => ScimResult<ScimUserDecision>.Failure(error);
}
