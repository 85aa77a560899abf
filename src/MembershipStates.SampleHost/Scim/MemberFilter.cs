using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Where every SCIM attribute a provider can filter on lives for <see cref="MemberRow"/>: the package's
/// <see cref="ScimFilterMap{T}"/> turns a filter into a LINQ predicate over it, and EF Core into SQL that runs in the
/// database, the same on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// <para>Every attribute of the core User schema and the enterprise extension: single-valued ones on columns of the
/// membership tables, multi-valued ones (<c>emails</c>, <c>phoneNumbers</c>, <c>ims</c>, <c>photos</c>,
/// <c>addresses</c>, <c>entitlements</c>, <c>roles</c>, <c>x509Certificates</c>) as a subquery of
/// <c>member_values</c>, <c>groups</c> over the group tables of both sides, and <c>meta</c>.
/// <c>meta.location</c> (which depends on the URL a request came to) and <c>password</c> are not filterable: a
/// filter on them is a 400 <c>invalidFilter</c> that lists what is.</para>
/// <para>The same map sorts: the multi-valued attributes kept in <c>member_values</c> by the value marked primary,
/// else the first by position (RFC 7644 §3.4.2.3); <c>groups</c>, which has no order, is not sortable.</para>
/// <para>The attributes of the User schema extensions the host declares (<see cref="ExtensionAttributes"/>) are read
/// from their rows of <c>member_values</c>, in the column of their type: a simple one as its values (one row for a
/// single-valued one), a sub-attribute of a complex one through a correlated subquery on the primary key. They compare and sort as declared:
/// <c>caseExact</c> strings as stored, others folded, numbers and dateTimes by value.</para>
/// <para>Strings that are not <c>caseExact</c> are compared on copies folded by <see cref="Normalization.Normalize"/>
/// (<see cref="string.ToUpperInvariant()"/>, the fold of the package's evaluator), with the operand folded the same
/// way, and ordered byte by byte (SQLite's <c>BINARY</c>, PostgreSQL's collation <c>"C"</c>): the database answers
/// exactly as the evaluator does, in every script, and the indexes serve <c>userName eq</c>, <c>userName sw</c>,
/// <c>externalId eq</c> and <c>emails.value eq</c>.</para>
/// </remarks>
internal static class MemberFilter
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // One map per context: its EXISTS subqueries read that context's tables. Pooled contexts live long, so a map is
    // built about once per pool slot, not per request.
    private static readonly ConditionalWeakTable<MembershipDbContext, ScimFilterMap<MemberRow>> Maps = [];

    /// <summary>Returns the map whose subqueries read <paramref name="db"/>'s tables.</summary>
    /// <param name="db">The context.</param>
    /// <param name="extensions">The application's declared extensions; the same for every call with one context.</param>
    public static ScimFilterMap<MemberRow> For(MembershipDbContext db, ExtensionAttributes extensions) =>
        Maps.TryGetValue(db, out var map) ? map : Maps.GetValue(db, context => Create(context, extensions));

    /// <summary>Builds a map whose subqueries read <paramref name="db"/>'s tables, not kept for the context.</summary>
    public static ScimFilterMap<MemberRow> Create(MembershipDbContext db, ExtensionAttributes extensions) =>
        extensions.All.Aggregate(Core(db, new ScimFilterMap<MemberRow>(extensions.Schema)), (map, attribute) => MapExtension(map, db, attribute));

    private static ScimFilterMap<MemberRow> Core(MembershipDbContext db, ScimFilterMap<MemberRow> map) => map
        .Map("id", m => m.ScimId)
        .MapNormalized("userName", m => m.NormalizedUserName, Normalization.Normalize)
        .Map("externalId", m => m.ExternalId)
        .Map("active", m => m.Active)
        .MapNormalized("displayName", m => m.DisplayName, Normalization.Normalize)
        .MapNormalized("nickName", m => m.NickName, Normalization.Normalize)
        .MapNormalized("profileUrl", m => m.ProfileUrl, Normalization.Normalize)
        .MapNormalized("title", m => m.Title, Normalization.Normalize)
        .MapNormalized("userType", m => m.UserType, Normalization.Normalize)
        .MapNormalized("preferredLanguage", m => m.PreferredLanguage, Normalization.Normalize)
        .MapNormalized("locale", m => m.Locale, Normalization.Normalize)
        .MapNormalized("timezone", m => m.Timezone, Normalization.Normalize)
        .MapNormalized("name.formatted", m => m.FormattedName, Normalization.Normalize)
        .MapNormalized("name.givenName", m => m.GivenName, Normalization.Normalize)
        .MapNormalized("name.familyName", m => m.FamilyName, Normalization.Normalize)
        .MapNormalized("name.middleName", m => m.MiddleName, Normalization.Normalize)
        .MapNormalized("name.honorificPrefix", m => m.HonorificPrefix, Normalization.Normalize)
        .MapNormalized("name.honorificSuffix", m => m.HonorificSuffix, Normalization.Normalize)
        .MapValues("emails", m => m.ScimId, ValuesOf(db, "emails"), v => v.ScimId, MultiValue)
        .MapValues("phoneNumbers", m => m.ScimId, ValuesOf(db, "phoneNumbers"), v => v.ScimId, MultiValue)
        .MapValues("ims", m => m.ScimId, ValuesOf(db, "ims"), v => v.ScimId, MultiValue)
        .MapValues("photos", m => m.ScimId, ValuesOf(db, "photos"), v => v.ScimId, MultiValue)
        .MapValues("addresses", m => m.ScimId, ValuesOf(db, "addresses"), v => v.ScimId, Address)
        .MapValues("entitlements", m => m.ScimId, ValuesOf(db, "entitlements"), v => v.ScimId, MultiValue)
        .MapValues("roles", m => m.ScimId, ValuesOf(db, "roles"), v => v.ScimId, MultiValue)
        .MapValues("x509Certificates", m => m.ScimId, ValuesOf(db, "x509Certificates"), v => v.ScimId, value => value
            .Map("value", v => v.Value)
            .MapNormalized("display", v => v.Display, Normalization.Normalize)
            .MapNormalized("type", v => v.Type, Normalization.Normalize)
            .Map("primary", v => v.Primary)
            .MapPosition(v => v.Position))
        .MapValues("groups", GroupsOf(db), group => group
            .Map("value", g => g.ScimId)
            .MapNormalized("display", g => g.NormalizedDisplayName, Normalization.Normalize)
            .Map("type", g => "direct"))
        .Map("meta.resourceType", m => "User")
        .Map("meta.created", m => m.Created)
        .Map("meta.lastModified", m => m.LastModified)
        .Map("meta.version", m => "W/\"" + m.Version.ToString() + "\"")
        .MapNormalized($"{Enterprise}:employeeNumber", m => m.EmployeeNumber, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:costCenter", m => m.CostCenter, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:organization", m => m.EnterpriseOrganization, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:division", m => m.Division, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:department", m => m.Department, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:manager.value", m => m.ManagerId, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:manager.displayName", m => m.ManagerDisplayName, Normalization.Normalize)
        .MapNormalized($"{Enterprise}:manager.$ref", m => m.ManagerReference, Normalization.Normalize);

    /// <summary>Maps a declared extension attribute to its rows, in the column of its type.</summary>
    private static ScimFilterMap<MemberRow> MapExtension(ScimFilterMap<MemberRow> map, MembershipDbContext db, ExtensionAttribute attribute)
    {
        var path = attribute.Path;
        var declaration = attribute.Declaration;
        var folded = declaration.Type is ScimAttributeType.String or ScimAttributeType.Reference && !declaration.CaseExact;
        // A simple attribute's rows, one per value (one in all for a single-valued one): the filter becomes
        // ScimId IN (SELECT ScimId FROM member_values WHERE Attribute = … AND …), which the index on (attribute,
        // value) serves for strings.
        if (declaration.MultiValued || attribute.SubAttribute is null)
        {
            return map.MapValues(path, m => m.ScimId, ValuesOf(db, path), v => v.ScimId, value => declaration.Type switch
            {
                ScimAttributeType.Boolean => value.Map("value", v => v.Boolean).MapPosition(v => v.Position),
                ScimAttributeType.Integer => value.Map("value", v => v.Integer).MapPosition(v => v.Position),
                ScimAttributeType.Decimal => value.Map("value", v => v.Number).MapPosition(v => v.Position),
                ScimAttributeType.DateTime => value.Map("value", v => v.Instant).MapPosition(v => v.Position),
                _ when folded => value.MapNormalized("value", v => v.Value, Normalization.Normalize).MapPosition(v => v.Position),
                _ => value.Map("value", v => v.Value).MapPosition(v => v.Position),
            });
        }

        // A sub-attribute of a single-valued complex attribute: one row, position 0, which the correlated subquery
        // finds by the primary key (SCIM id, attribute, position).
        var rows = db.MemberValues;
        return declaration.Type switch
        {
            ScimAttributeType.Boolean => map.Map(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Boolean).FirstOrDefault()),
            ScimAttributeType.Integer => map.Map(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Integer).FirstOrDefault()),
            ScimAttributeType.Decimal => map.Map(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Number).FirstOrDefault()),
            ScimAttributeType.DateTime => map.Map(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Instant).FirstOrDefault()),
            _ when folded => map.MapNormalized(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Value).FirstOrDefault(), Normalization.Normalize),
            _ => map.Map(path, m => rows.Where(v => v.ScimId == m.ScimId && v.Attribute == path).Select(v => v.Value).FirstOrDefault()),
        };
    }

    /// <summary>
    /// The values of one attribute, of every member: the filter becomes <c>ScimId IN (SELECT ScimId FROM
    /// member_values WHERE Attribute = … AND …)</c>, which the database answers from the index on (attribute, value)
    /// and then finds the few members by their SCIM id. The SCIM id is unique across organizations and both tables,
    /// and the outer query keeps to the organization.
    /// </summary>
    private static IQueryable<MemberValue> ValuesOf(MembershipDbContext db, string attribute) =>
        db.MemberValues.Where(v => v.Attribute == attribute);

    /// <summary>The groups a member is in, Active (<c>group_members</c>) or Inactive (<c>inactive_group_members</c>).</summary>
    private static Expression<Func<MemberRow, IEnumerable<Group>>> GroupsOf(MembershipDbContext db) =>
        m => db.Groups.Where(g => g.OrganizationId == m.OrganizationId
            && (db.GroupMembers.Any(x => x.OrganizationId == g.OrganizationId && x.GroupId == g.Id && x.UserId == m.UserId)
                || db.InactiveGroupMembers.Any(x => x.OrganizationId == g.OrganizationId && x.GroupId == g.Id && x.UserId == m.UserId)));

    /// <summary>The sub-attributes of <c>emails</c>, <c>phoneNumbers</c> and the others of RFC 7643 §2.4's pattern.</summary>
    private static ScimFilterMap<MemberValue> MultiValue(ScimFilterMap<MemberValue> value) => value
        .MapNormalized("value", v => v.Value, Normalization.Normalize)
        .MapNormalized("display", v => v.Display, Normalization.Normalize)
        .MapNormalized("type", v => v.Type, Normalization.Normalize)
        .Map("primary", v => v.Primary)
        .MapPosition(v => v.Position);

    private static ScimFilterMap<MemberValue> Address(ScimFilterMap<MemberValue> address) => address
        .MapNormalized("formatted", v => v.Formatted, Normalization.Normalize)
        .MapNormalized("streetAddress", v => v.StreetAddress, Normalization.Normalize)
        .MapNormalized("locality", v => v.Locality, Normalization.Normalize)
        .MapNormalized("region", v => v.Region, Normalization.Normalize)
        .MapNormalized("postalCode", v => v.PostalCode, Normalization.Normalize)
        .MapNormalized("country", v => v.Country, Normalization.Normalize)
        .MapNormalized("type", v => v.Type, Normalization.Normalize)
        .Map("primary", v => v.Primary)
        .MapPosition(v => v.Position);
}
