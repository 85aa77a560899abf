using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Keeps <c>member_values</c> in step with a member's attributes, inside the commit's transaction: written when a
/// member is added or its attributes change, removed with the member, untouched otherwise.
/// </summary>
/// <remarks>
/// A (de)activation that changes nothing else moves the membership row and leaves the values alone: they are keyed
/// by the SCIM id, which does not change, so Okta's deactivate PATCH writes nothing here.
/// </remarks>
internal static class MemberValuesWriter
{
    /// <summary>Stages the change of the member's values; the deletion runs now, the new rows are inserted on save.</summary>
    /// <param name="db">The context whose transaction the commit runs in.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="decision">The decision being committed.</param>
    /// <param name="storedAttributes">The attributes the member had, as stored (JSON); <see langword="null"/> when it was not a member.</param>
    /// <param name="attributes">The attributes it has now; <see langword="null"/> when it is removed.</param>
    /// <param name="attributesJson">The same attributes as the commit stores them (JSON), serialized once for both.</param>
    /// <param name="extensions">The declared extension attributes kept as rows too.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    public static async Task StageAsync(
        MembershipDbContext db,
        int organizationId,
        MembershipDecision decision,
        string? storedAttributes,
        ScimUser? attributes,
        string? attributesJson,
        ExtensionAttributes extensions,
        CancellationToken cancellationToken)
    {
        var previous = decision.Previous;
        var next = decision.Next;
        var unchanged = previous.Exists && next.Exists && previous.Id == next.Id && attributesJson is not null
            && storedAttributes == attributesJson;
        if (unchanged)
        {
            return;
        }

        if (previous.Exists)
        {
            var id = previous.Id!;
            await db.MemberValues.Where(v => v.ScimId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (next.Exists && attributes is not null)
        {
            db.MemberValues.AddRange(MemberFilterCopies.Values(organizationId, next.Id!, attributes));
            db.MemberValues.AddRange(MemberFilterCopies.ExtensionValues(organizationId, next.Id!, attributes, extensions));
        }
    }
}
