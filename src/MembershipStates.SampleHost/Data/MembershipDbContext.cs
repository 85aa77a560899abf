using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The app's database: users (global), organizations, memberships, and the inactive-membership side table; the
/// values of members' multi-valued attributes, which filters compare; the organizations' groups, the app's group
/// memberships (Active members) and their inactive side.
/// </summary>
/// <remarks>
/// One model for every engine. Each engine has a context type of its own only so that its migrations are kept apart
/// (<see cref="SqliteMembershipDbContext"/>, <see cref="PostgreSqlMembershipDbContext"/>); the store and every query
/// see this type.
/// </remarks>
internal abstract class MembershipDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<InactiveMembership> InactiveMemberships => Set<InactiveMembership>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    public DbSet<InactiveGroupMember> InactiveGroupMembers => Set<InactiveGroupMember>();

    public DbSet<MemberValue> MemberValues => Set<MemberValue>();

    /// <summary>An active member: a membership row.</summary>
    public static Expression<Func<Membership, MemberRow>> ActiveRow { get; } = m => new MemberRow
    {
        OrganizationId = m.OrganizationId,
        UserId = m.UserId,
        Active = true,
        ScimId = m.ScimId,
        Version = m.Version,
        UserName = m.UserName,
        NormalizedUserName = m.NormalizedUserName,
        ExternalId = m.ExternalId,
        DisplayName = m.DisplayName,
        NickName = m.NickName,
        ProfileUrl = m.ProfileUrl,
        Title = m.Title,
        UserType = m.UserType,
        PreferredLanguage = m.PreferredLanguage,
        Locale = m.Locale,
        Timezone = m.Timezone,
        FormattedName = m.FormattedName,
        GivenName = m.GivenName,
        FamilyName = m.FamilyName,
        MiddleName = m.MiddleName,
        HonorificPrefix = m.HonorificPrefix,
        HonorificSuffix = m.HonorificSuffix,
        EmployeeNumber = m.EmployeeNumber,
        CostCenter = m.CostCenter,
        EnterpriseOrganization = m.EnterpriseOrganization,
        Division = m.Division,
        Department = m.Department,
        ManagerId = m.ManagerId,
        ManagerDisplayName = m.ManagerDisplayName,
        ManagerReference = m.ManagerReference,
        Attributes = m.Attributes,
        Created = m.Created,
        LastModified = m.LastModified,

        // An active member has no deactivation time. Both halves of a UNION need one column type, and a null
        // constant would lose the ticks conversion, so the column repeats lastModified and is read only for
        // inactive members.
        DeactivatedAt = m.LastModified,
    };

    /// <summary>An inactive member: a record of the side table.</summary>
    public static Expression<Func<InactiveMembership, MemberRow>> InactiveRow { get; } = r => new MemberRow
    {
        OrganizationId = r.OrganizationId,
        UserId = r.UserId,
        Active = false,
        ScimId = r.ScimId,
        Version = r.Version,
        UserName = r.UserName,
        NormalizedUserName = r.NormalizedUserName,
        ExternalId = r.ExternalId,
        DisplayName = r.DisplayName,
        NickName = r.NickName,
        ProfileUrl = r.ProfileUrl,
        Title = r.Title,
        UserType = r.UserType,
        PreferredLanguage = r.PreferredLanguage,
        Locale = r.Locale,
        Timezone = r.Timezone,
        FormattedName = r.FormattedName,
        GivenName = r.GivenName,
        FamilyName = r.FamilyName,
        MiddleName = r.MiddleName,
        HonorificPrefix = r.HonorificPrefix,
        HonorificSuffix = r.HonorificSuffix,
        EmployeeNumber = r.EmployeeNumber,
        CostCenter = r.CostCenter,
        EnterpriseOrganization = r.EnterpriseOrganization,
        Division = r.Division,
        Department = r.Department,
        ManagerId = r.ManagerId,
        ManagerDisplayName = r.ManagerDisplayName,
        ManagerReference = r.ManagerReference,
        Attributes = r.Attributes,
        Created = r.Created,
        LastModified = r.LastModified,
        DeactivatedAt = r.DeactivatedAt,
    };

    /// <summary>An active member as the store reads it back: a membership row.</summary>
    public static Expression<Func<Membership, StoredMember>> ActiveMember { get; } = m => new StoredMember
    {
        Active = true,
        ScimId = m.ScimId,
        Version = m.Version,
        Attributes = m.Attributes,
        Created = m.Created,
        LastModified = m.LastModified,

        // As in ActiveRow: one column type for both halves of the UNION, read only for inactive members.
        DeactivatedAt = m.LastModified,
    };

    /// <summary>An inactive member as the store reads it back: a record of the side table.</summary>
    public static Expression<Func<InactiveMembership, StoredMember>> InactiveMember { get; } = r => new StoredMember
    {
        Active = false,
        ScimId = r.ScimId,
        Version = r.Version,
        Attributes = r.Attributes,
        Created = r.Created,
        LastModified = r.LastModified,
        DeactivatedAt = r.DeactivatedAt,
    };

    /// <summary>The members of one organization as SCIM sees them: the membership rows (Active) and the inactive records (Inactive).</summary>
    /// <remarks>
    /// The organization is tested on the union, not inside each half: both engines push the test down into each table
    /// all the same, and PostgreSQL then also knows that the union's rows share it, so that it can merge the two
    /// tables' indexes on (organization, created, id) into the default order instead of sorting.
    /// </remarks>
    public IQueryable<MemberRow> Members(int organizationId) =>
        Memberships.Select(ActiveRow)
            .Concat(InactiveMemberships.Select(InactiveRow))
            .Where(m => m.OrganizationId == organizationId);

    /// <summary>
    /// Opens the connection for the rest of the request, so that its reads and its commit share one connection
    /// instead of taking one from the pool, and setting it up, for every statement. It goes back to the pool with
    /// the context, at the end of the request.
    /// </summary>
    public async ValueTask OpenForRequestAsync(CancellationToken cancellationToken)
    {
        if (Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The members of one organization that a filter's predicate selects, the predicate applied to each table.</summary>
    /// <remarks>
    /// Applied inside each half of the <c>UNION ALL</c> rather than on top of it, so that PostgreSQL can look the
    /// few members a value subquery finds up by their SCIM id (it does not push such a join into a union).
    /// </remarks>
    public IQueryable<MemberRow> Members(int organizationId, Expression<Func<MemberRow, bool>> predicate) =>
        Memberships.Where(m => m.OrganizationId == organizationId).Select(ActiveRow).Where(predicate)
            .Concat(InactiveMemberships.Where(r => r.OrganizationId == organizationId).Select(InactiveRow).Where(predicate));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Email).HasMaxLength(256);
            user.Property(u => u.NormalizedEmail).HasMaxLength(256);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
        });

        modelBuilder.Entity<Organization>(organization =>
        {
            organization.ToTable("organizations");
            organization.HasIndex(o => o.Name).IsUnique();
        });

        modelBuilder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.OrganizationId, m.UserId });
            ScimColumns(membership);
        });

        modelBuilder.Entity<InactiveMembership>(record =>
        {
            record.ToTable("inactive_memberships");
            record.HasKey(r => new { r.OrganizationId, r.UserId });
            ScimColumns(record);
        });

        modelBuilder.Entity<MemberValue>(value =>
        {
            value.ToTable("member_values");

            // A member's values: keyed by the SCIM id, which both membership tables share, so that a member moving
            // between them leaves its values alone.
            value.HasKey(v => new { v.ScimId, v.Attribute, v.Position });
            value.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId);

            // Entra ID's and Okta's lookups by e-mail address (emails.value eq, emails[type eq "work"].value eq) and
            // prefixes of values (sw): an index range, then the members by their SCIM ids. Not by organization: a
            // filter's subquery reads the values of every organization's members, by SCIM id, which is unique.
            value.HasIndex(v => new { v.Attribute, v.Value, v.ScimId });

            // Orderings on a declared extension's typed values (loginCount gt 5, hiredOn lt "2020-01-01T00:00:00Z"):
            // an index range per type, over the rows that hold a value of it only, so the e-mail rows cost nothing.
            value.HasIndex(v => new { v.Attribute, v.Integer, v.ScimId }).HasFilter("\"Integer\" IS NOT NULL");
            value.HasIndex(v => new { v.Attribute, v.Number, v.ScimId }).HasFilter("\"Number\" IS NOT NULL");
            value.HasIndex(v => new { v.Attribute, v.Instant, v.ScimId }).HasFilter("\"Instant\" IS NOT NULL");
        });

        modelBuilder.Entity<Group>(group =>
        {
            group.ToTable("groups");
            group.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId);
            group.Property(g => g.Version).IsConcurrencyToken();
            group.HasIndex(g => g.ScimId).IsUnique();

            // displayName is unique per organization, case-insensitively (Entra ID requires it): the index decides a race.
            group.HasIndex(g => new { g.OrganizationId, g.NormalizedDisplayName }).IsUnique();
            group.HasIndex(g => new { g.OrganizationId, g.ExternalId });
            group.HasIndex(g => new { g.OrganizationId, g.Created, g.ScimId });
        });

        modelBuilder.Entity<GroupMember>(member =>
        {
            member.ToTable("group_members");
            GroupMembership(member);

            // The app's access table refers to the membership: only a member of the organization has access through
            // its groups. Not cascading: deactivation moves the rows to the inactive side first, removal drops them.
            member.HasOne<Membership>().WithMany().HasForeignKey(m => new { m.OrganizationId, m.UserId }).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<InactiveGroupMember>(member =>
        {
            member.ToTable("inactive_group_members");
            GroupMembership(member);
            member.HasOne<InactiveMembership>().WithMany().HasForeignKey(m => new { m.OrganizationId, m.UserId }).OnDelete(DeleteBehavior.Restrict);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC ticks on every engine: they sort and compare as integers, and meta.created and meta.lastModified come
        // back to the 100 ns they were decided with (SQLite has no date type; PostgreSQL's keeps microseconds).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();

        // No index for a foreign key by convention. The only one it would add is on UserId of both membership
        // tables (OrganizationId leads their key), and nothing needs it: every query of a membership gives the
        // organization, and the app never deletes a user or changes a user's id. Each index is one more page that
        // every deactivation and reactivation writes.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    /// <summary>
    /// A group membership, on either side: one row per (organization, group, user), and the group's key includes the
    /// organization, so that the database itself keeps a group to members of its own organization.
    /// </summary>
    private static void GroupMembership<T>(EntityTypeBuilder<T> entity)
        where T : GroupMembershipColumns
    {
        entity.HasKey(e => new { e.OrganizationId, e.GroupId, e.UserId });
        entity.HasOne<Group>().WithMany()
            .HasForeignKey(e => new { e.OrganizationId, e.GroupId })
            .HasPrincipalKey(g => new { g.OrganizationId, g.Id })
            .OnDelete(DeleteBehavior.Restrict);

        // A member's groups (its User's groups, and the rows that move with it), without reading any group's list.
        entity.HasIndex(e => new { e.OrganizationId, e.UserId, e.GroupId });
    }

    private static void ScimColumns<T>(EntityTypeBuilder<T> entity)
        where T : ScimColumns
    {
        entity.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId);
        entity.HasOne<User>().WithMany().HasForeignKey(e => e.UserId);
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.HasIndex(e => e.ScimId).IsUnique();

        // userName is unique per organization, case-insensitively (RFC 7643 caseExact false): the database is the
        // final arbiter when two provisioning requests race.
        entity.HasIndex(e => new { e.OrganizationId, e.NormalizedUserName }).IsUnique();
        entity.HasIndex(e => new { e.OrganizationId, e.ExternalId });
        entity.HasIndex(e => new { e.OrganizationId, e.Created, e.ScimId });
    }
}
