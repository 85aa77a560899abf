using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Where the SCIM attributes a provider filters on live in <see cref="MemberRow"/>: the package's
/// <see cref="ScimFilterMap{T}"/> turns a filter into a LINQ predicate over it, and EF Core into SQL.
/// </summary>
/// <remarks>
/// Okta finds users by <c>userName</c>, Entra ID by <c>userName</c> or <c>externalId</c> and, when matching on
/// e-mail, by <c>emails[type eq "work"].value</c>. A filter on any other attribute is a 400 <c>invalidFilter</c>
/// that lists these.
/// </remarks>
internal static class MemberFilter
{
    public static ScimFilterMap<MemberRow> Map { get; } = new ScimFilterMap<MemberRow>()
        .Map("id", m => m.ScimId)
        .Map("userName", m => m.UserName)
        .Map("externalId", m => m.ExternalId)
        .Map("active", m => m.Active)
        .Map("displayName", m => m.DisplayName)
        .Map("name.givenName", m => m.GivenName)
        .Map("name.familyName", m => m.FamilyName)
        .Map("emails[type eq \"work\"].value", m => m.Email)
        .Map("emails.value", m => m.Email)
        .Map("meta.created", m => m.Created)
        .Map("meta.lastModified", m => m.LastModified);
}
