using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Stages one decision's two-state effects on one member's rows: the membership row, the inactive record and the
/// group memberships that follow the member. Saved by the caller, in its transaction.
/// </summary>
/// <remarks>
/// Nothing is read here. A row the decision deletes or rewrites is attached as a stub carrying its key and the
/// version the commit read, so each <c>DELETE</c> and <c>UPDATE</c> is guarded by that version (the tables'
/// concurrency token); EF Core orders the statements by the foreign keys: group rows leave before the row they
/// refer to, and arrive after it.
/// </remarks>
internal sealed class MemberRows(MembershipDbContext db, int organizationId, int userId)
{
    /// <summary>Stages the decision's effects.</summary>
    /// <param name="plan">The two-state effects of the decision (<see cref="TwoStateHost.Plan"/>).</param>
    /// <param name="decision">The decision: its previous snapshot names the rows there are, its next one what to write.</param>
    /// <param name="groups">The member's groups on the side it is on now; empty for a new member.</param>
    /// <param name="attributes">The attributes to store; <see langword="null"/> when the member is removed.</param>
    /// <param name="attributesJson">The same attributes as stored (JSON); <see langword="null"/> when the member is removed.</param>
    /// <param name="now">When a new membership row is joined.</param>
    public void Stage(TwoStateEffects plan, MembershipDecision decision, IReadOnlyList<int> groups, ScimUser? attributes, string? attributesJson, DateTimeOffset now)
    {
        StageGroupMemberships(plan, groups);
        var previous = decision.Previous;
        var next = decision.Next;
        var removesPrevious = (plan & (TwoStateEffects.RemoveFromOrganization | TwoStateEffects.DropInactiveRecord)) != 0;
        if (removesPrevious)
        {
            db.Remove(previous.State == MembershipState.Active ? RowStub(previous.Version) : RecordStub(previous.Version));
        }

        if ((plan & TwoStateEffects.AddToOrganization) != 0)
        {
            var row = RowStub(next.Version);
            row.JoinedAt = now;
            Write(row, next, attributes!, attributesJson!);
            db.Memberships.Add(row);
        }
        else if ((plan & TwoStateEffects.KeepInactiveRecord) != 0)
        {
            var record = RecordStub(previous.Version);
            if (previous.State == MembershipState.Inactive && !removesPrevious)
            {
                // Inactive stays Inactive: the record takes the new version and attributes where its version is still the one read.
                db.InactiveMemberships.Attach(record);
                Write(record, next, attributes!, attributesJson!);
                db.Entry(record).State = EntityState.Modified;
            }
            else
            {
                Write(record, next, attributes!, attributesJson!);
                db.InactiveMemberships.Add(record);
            }
        }
        else if (previous.State == MembershipState.Active && !removesPrevious)
        {
            // Active stays Active: the row keeps its place and its JoinedAt, and takes the new version and attributes,
            // written where the version is still the one read.
            var row = RowStub(previous.Version);
            db.Memberships.Attach(row);
            Write(row, next, attributes!, attributesJson!);
            var entry = db.Entry(row);
            entry.State = EntityState.Modified;
            entry.Property(m => m.JoinedAt).IsModified = false;
        }
    }

    /// <summary>
    /// Applies the rule "group membership follows the member": deactivation moves the member's <c>group_members</c>
    /// rows to <c>inactive_group_members</c>, reactivation and revival move them back, removal drops them.
    /// </summary>
    private void StageGroupMemberships(TwoStateEffects plan, IReadOnlyList<int> groups)
    {
        if ((plan & TwoStateEffects.MoveGroupMembershipsToInactive) != 0)
        {
            db.GroupMembers.RemoveRange(groups.Select(ActiveGroupMember));
            db.InactiveGroupMembers.AddRange(groups.Select(InactiveGroupMember));
        }
        else if ((plan & TwoStateEffects.MoveGroupMembershipsBack) != 0)
        {
            db.InactiveGroupMembers.RemoveRange(groups.Select(InactiveGroupMember));
            db.GroupMembers.AddRange(groups.Select(ActiveGroupMember));
        }
        else if ((plan & TwoStateEffects.DropGroupMemberships) != 0)
        {
            // The rows are on the side the member leaves: group_members for an Active one, the inactive side for an Inactive one.
            if ((plan & TwoStateEffects.RemoveFromOrganization) != 0)
            {
                db.GroupMembers.RemoveRange(groups.Select(ActiveGroupMember));
            }
            else
            {
                db.InactiveGroupMembers.RemoveRange(groups.Select(InactiveGroupMember));
            }
        }
    }

    private GroupMember ActiveGroupMember(int groupId) => new() { OrganizationId = organizationId, GroupId = groupId, UserId = userId };

    private InactiveGroupMember InactiveGroupMember(int groupId) => new() { OrganizationId = organizationId, GroupId = groupId, UserId = userId };

    /// <summary>The attributes as the commit stores them: the SCIM JSON of the user, as text.</summary>
    public static string Json(ScimUser attributes) => System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(attributes));

    /// <summary>The member's membership row, carrying only its key and a version: the rest is written before it is saved, or never read.</summary>
    private Membership RowStub(long version) =>
        Keyed(new Membership { ScimId = string.Empty, UserName = string.Empty, NormalizedUserName = string.Empty, Attributes = string.Empty }, version);

    /// <summary>The member's inactive record, carrying only its key and a version.</summary>
    private InactiveMembership RecordStub(long version) =>
        Keyed(new InactiveMembership { ScimId = string.Empty, UserName = string.Empty, NormalizedUserName = string.Empty, Attributes = string.Empty }, version);

    private T Keyed<T>(T columns, long version)
        where T : ScimColumns
    {
        columns.OrganizationId = organizationId;
        columns.UserId = userId;
        columns.Version = version;
        return columns;
    }

    private static void Write(ScimColumns columns, in MembershipSnapshot next, ScimUser attributes, string attributesJson)
    {
        columns.ScimId = next.Id!;
        columns.Version = next.Version;
        columns.Created = next.Created;
        columns.LastModified = next.LastModified;
        columns.UserName = attributes.UserName ?? string.Empty;
        columns.NormalizedUserName = Normalization.Normalize(attributes.UserName ?? string.Empty);
        columns.ExternalId = attributes.ExternalId;
        MemberFilterCopies.Write(columns, attributes);
        columns.Attributes = attributesJson;
        if (columns is InactiveMembership record)
        {
            record.DeactivatedAt = next.DeactivatedAt ?? next.LastModified;
        }
    }
}
