using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>The key of one member of a page: its SCIM id, which table it is in, and its place in the default order.</summary>
internal sealed class MemberPageKey
{
    public required string ScimId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset Created { get; set; }
}

/// <summary>
/// Reads one page of a member query so that the last page of a long list costs about what the first does: the page's
/// keys first, from the narrowest projection, read from whichever end of the list is nearer; then the rows of those
/// keys only.
/// </summary>
/// <remarks>
/// <para>In the default order (creation time, then id) the keys come from each table's index on (organization,
/// created, id) alone: SQLite merges the two index scans, PostgreSQL runs a Merge Append of two index-only scans,
/// and neither reads a row of the skipped members. The key query selects exactly the columns of the union it
/// reads, which is what lets SQLite flatten it into that merge instead of sorting the union in a temporary
/// B-tree.</para>
/// <para>A page past the middle is read in the reverse order and turned around, so no page steps over more than
/// half the list. The reverse of a sort is exactly backwards because every key, the tie-breaking id included,
/// reverses (<see cref="ScimSort.Reverse"/>).</para>
/// <para>Reading the page in one query instead makes the database build the skipped members whole, attributes
/// included, before it throws them away: on 100,000 members the last page cost about seven times the first.</para>
/// </remarks>
internal static class MemberPage
{
    /// <summary>
    /// Orders a member query as <paramref name="sort"/> asks, ties broken by id, or else by creation time then id:
    /// a stable order, the same for every page size.
    /// </summary>
    /// <param name="descending">Whether the default order is reversed; a reversed sort is passed as one.</param>
    /// <remarks>The store asks the map for the sort before it counts, and answers 400 when the map cannot sort so.</remarks>
    public static IOrderedQueryable<MemberRow> Order(ScimFilterMap<MemberRow> map, IQueryable<MemberRow> members, ScimSort? sort, bool descending = false) =>
        (sort, descending) switch
        {
            ({ } asked, _) => map.Order(members, asked).Value,
            (null, false) => members.OrderBy(m => m.Created).ThenBy(m => m.ScimId),
            (null, true) => members.OrderByDescending(m => m.Created).ThenByDescending(m => m.ScimId),
        };

    /// <summary>Reads the members of <paramref name="page"/> of <paramref name="total"/> matches.</summary>
    public static async Task<List<StoredMember>> ReadAsync(
        MembershipDbContext db, ScimFilterMap<MemberRow> map, int organizationId, IQueryable<MemberRow> members, ScimSort? sort, ScimPage page, int total, CancellationToken cancellationToken)
    {
        var end = (int)Math.Min((long)page.Offset + page.Count, total);
        var fromEnd = page.Offset > total - end;
        var ordered = Order(map, members, fromEnd ? sort?.Reverse() : sort, descending: fromEnd);

        var keys = await ordered
            .Skip(fromEnd ? total - end : page.Offset)
            .Take(end - page.Offset)
            .Select(m => new MemberPageKey { ScimId = m.ScimId, Active = m.Active, Created = m.Created })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (fromEnd)
        {
            keys.Reverse();
        }

        var active = keys.Where(k => k.Active).Select(k => k.ScimId).ToList();
        var inactive = keys.Where(k => !k.Active).Select(k => k.ScimId).ToList();
        var rows = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && active.Contains(m.ScimId)).Select(MembershipDbContext.ActiveMember)
            .Concat(db.InactiveMemberships.AsNoTracking().Where(r => r.OrganizationId == organizationId && inactive.Contains(r.ScimId)).Select(MembershipDbContext.InactiveMember))
            .ToDictionaryAsync(m => m.ScimId, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);

        // In the order of the keys; a member removed between the two reads is simply not in the page.
        return [.. keys.Where(k => rows.ContainsKey(k.ScimId)).Select(k => rows[k.ScimId])];
    }
}
