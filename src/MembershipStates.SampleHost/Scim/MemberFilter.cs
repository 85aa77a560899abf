using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Where the SCIM attributes a provider filters on live in <see cref="MemberRow"/>: the package's
/// <see cref="ScimFilterMap{T}"/> turns a filter into a LINQ predicate over it, and EF Core into SQL.
/// </summary>
/// <remarks>
/// <para>Okta finds users by <c>userName</c>, Entra ID by <c>userName</c> or <c>externalId</c> and, when matching on
/// e-mail, by <c>emails[type eq "work"].value</c>. A filter on any other attribute is a 400 <c>invalidFilter</c>
/// that lists these.</para>
/// <para>User names and e-mail addresses are compared on their normalized columns, with the operand normalized the
/// same way: a filter finds what the unique index takes for the same <c>userName</c>, in every script, and the
/// index serves <c>userName eq</c>.</para>
/// </remarks>
internal static class MemberFilter
{
    public static ScimFilterMap<MemberRow> Map { get; } = new ScimFilterMap<MemberRow>()
        .Map("id", m => m.ScimId)
        .MapNormalized("userName", m => m.NormalizedUserName, Normalization.Normalize)
        .Map("externalId", m => m.ExternalId)
        .Map("active", m => m.Active)
        .Map("displayName", m => m.DisplayName)
        .Map("name.givenName", m => m.GivenName)
        .Map("name.familyName", m => m.FamilyName)
        .MapNormalized("emails[type eq \"work\"].value", m => m.NormalizedEmail, Normalization.Normalize)
        .MapNormalized("emails.value", m => m.NormalizedEmail, Normalization.Normalize)
        .Map("meta.created", m => m.Created)
        .Map("meta.lastModified", m => m.LastModified);
}
