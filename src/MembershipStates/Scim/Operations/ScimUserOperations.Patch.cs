using System.Text.Json.Nodes;
using MembershipStates.Scim.Patching;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <content>PATCH (RFC 7644 §3.5.2).</content>
public sealed partial class ScimUserOperations
{
    /// <summary>Reads and checks the operations a <c>PATCH</c> sends.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <returns>The request, or a 400 error (<c>invalidSyntax</c>, <c>invalidPath</c>, <c>noTarget</c>, <c>invalidValue</c>).</returns>
    public static ScimResult<ScimPatchRequest> ParsePatch(ReadOnlySpan<byte> body) => ScimPatchRequest.Parse(body);

    /// <summary>Patches a user (<c>PATCH /Users/{id}</c>): every operation, then one lifecycle decision.</summary>
    /// <param name="current">The member with the requested id, or <see langword="null"/> when there is none.</param>
    /// <param name="id">The id the request names.</param>
    /// <param name="patch">The operations, read with <see cref="ParsePatch"/>.</param>
    /// <param name="ifMatch">The request's <c>If-Match</c>.</param>
    /// <returns>The decision with the attributes to store (404 when there is no such member, 412 when <paramref name="ifMatch"/> fails); a failure (400) when an operation may not be applied, and then nothing changes.</returns>
    /// <remarks>
    /// <para>All operations apply to a copy, in order; the first that fails refuses the whole request. The resulting
    /// <c>active</c> — from Okta's <c>{"op":"replace","value":{"active":false}}</c>, Entra's
    /// <c>{"op":"Replace","path":"active","value":"False"}</c> or any other form — decides Deactivate or Reactivate,
    /// combined with the attribute changes into one decision; without it the request is a profile update.</para>
    /// <para>A path naming a <c>readOnly</c> attribute of a host's extension, or operations that change one or change
    /// or remove an <c>immutable</c> one that has a value, are a 400 <c>mutability</c> (RFC 7644 §3.5.2).</para>
    /// </remarks>
    public ScimResult<ScimUserDecision> Patch(ScimMember? current, string id, ScimPatchRequest patch, ScimPrecondition ifMatch = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (current is null)
        {
            return Decided(ScimUserDecision.Decided(_lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.UpdateProfile()), null, id));
        }

        if (!UserPatchEngine.TryApply(current.Attributes, patch.Operations, _catalog, out var applied, out var error))
        {
            return Refused(error);
        }

        var patched = current.Attributes;
        var changesAttributes = false;
        if (applied.Attributes is { } changed && !JsonNode.DeepEquals(changed, applied.Original))
        {
            var read = ScimJson.FromJsonObject(changed);
            if (!read.TryGetValue(out var user))
            {
                return Refused(PatchErrors.PatchedUserInvalid(read.Error));
            }

            if (ScimUserValidator.ForResults.Check(user) is { } invalid)
            {
                return Refused(invalid);
            }

            var kept = ScimExtensionValues.Check(user.ToHostAttributes(_catalog), _catalog);
            if (!kept.TryGetValue(out patched))
            {
                return Refused(kept.Error);
            }

            if (ScimExtensionMutability.CheckPatch(patched, current.Attributes, _catalog) is { } unchangeable)
            {
                return Refused(unchangeable);
            }

            // Compared as read back, so a value sent in another form (manager as a string) is no change.
            var normalized = ScimJson.ToJsonObject(patched);
            normalized.Remove("active");
            changesAttributes = !JsonNode.DeepEquals(normalized, applied.Original);
        }

        return Decided(Change(current, id, changesAttributes ? patched : current.Attributes, changesAttributes, applied.Active, ifMatch));
    }
}
