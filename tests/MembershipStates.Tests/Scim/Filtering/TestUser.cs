using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Filtering;

/// <summary>A host's own user entity: one email, a few enterprise attributes, a custom counter.</summary>
public sealed class TestUser
{
    public static ScimFilterMap<TestUser> Map { get; } = new ScimFilterMap<TestUser>()
        .Map("id", u => u.Id)
        .Map("externalId", u => u.ExternalId)
        .Map("userName", u => u.UserName)
        .Map("displayName", u => u.DisplayName)
        .Map("active", u => u.Active)
        .Map("name.givenName", u => u.GivenName)
        .Map("name.familyName", u => u.FamilyName)
        .Map("emails.value", u => u.Email)
        .Map("emails.type", u => u.EmailType)
        .Map("emails.primary", u => u.EmailPrimary)
        .Map("meta.lastModified", u => u.LastModified)
        .Map($"{ScimFilterGenerators.EnterpriseUrn}:employeeNumber", u => u.EmployeeNumber)
        .Map($"{ScimFilterGenerators.EnterpriseUrn}:manager.value", u => u.ManagerId)
        .Map($"{ScimFilterGenerators.AcmeUrn}:loginCount", u => u.LoginCount);

    /// <summary>Gets the map of a host that stores <c>userName</c> and the e-mail address upper-cased, as its unique indexes see them.</summary>
    public static ScimFilterMap<TestUser> UpperNormalizedMap { get; } = NormalizedMap(u => u.UpperUserName, u => u.UpperEmail, Normalizers.Upper);

    /// <summary>Gets the map of a host that stores them lower-cased.</summary>
    public static ScimFilterMap<TestUser> LowerNormalizedMap { get; } = NormalizedMap(u => u.LowerUserName, u => u.LowerEmail, Normalizers.Lower);

    public string Id { get; init; } = string.Empty;

    public string? ExternalId { get; init; }

    public string? UserName { get; init; }

    /// <summary>Gets <see cref="UserName"/> as a host stores it for its unique index, upper-cased.</summary>
    public string? UpperUserName => UserName?.ToUpperInvariant();

    /// <summary>Gets <see cref="UserName"/> lower-cased, as the evaluator folds it.</summary>
    public string? LowerUserName => UserName?.ToLowerInvariant();

    public string? DisplayName { get; init; }

    public bool Active { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? Email { get; init; }

    /// <summary>Gets <see cref="Email"/> upper-cased.</summary>
    public string? UpperEmail => Email?.ToUpperInvariant();

    /// <summary>Gets <see cref="Email"/> lower-cased.</summary>
    public string? LowerEmail => Email?.ToLowerInvariant();

    public string? EmailType { get; init; }

    public bool? EmailPrimary { get; init; }

    public string? EmployeeNumber { get; init; }

    public string? ManagerId { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public int? LoginCount { get; init; }

    /// <summary>Gets a value indicating whether the JSON form writes missing values as null rather than leaving them out.</summary>
    public bool WriteNulls { get; init; }

    /// <summary>Gets a value indicating whether the JSON form writes attribute names in upper case.</summary>
    public bool ShoutKeys { get; init; }

    /// <summary>Renders the user as a SCIM server would return it.</summary>
    /// <returns>The JSON form.</returns>
    public JsonObject ToJson()
    {
        var user = new JsonObject();
        Add(user, "schemas", new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"));
        Add(user, "id", Id);
        Add(user, "externalId", ExternalId);
        Add(user, "userName", UserName);
        Add(user, "displayName", DisplayName);
        Add(user, "active", Active);
        var name = new JsonObject();
        Add(name, "givenName", GivenName);
        Add(name, "familyName", FamilyName);
        Add(user, "name", name);
        if (Email is not null || EmailType is not null || EmailPrimary is not null)
        {
            var email = new JsonObject();
            Add(email, "value", Email);
            Add(email, "type", EmailType);
            Add(email, "primary", EmailPrimary);
            Add(user, "emails", new JsonArray(email));
        }
        else if (WriteNulls)
        {
            Add(user, "emails", new JsonArray());
        }

        var meta = new JsonObject();
        Add(meta, "resourceType", "User");
        Add(meta, "lastModified", LastModified?.ToString("o", CultureInfo.InvariantCulture));
        Add(user, "meta", meta);
        var enterprise = new JsonObject();
        Add(enterprise, "employeeNumber", EmployeeNumber);
        if (ManagerId is not null || WriteNulls)
        {
            var manager = new JsonObject();
            Add(manager, "value", ManagerId);
            Add(enterprise, "manager", manager);
        }

        Add(user, ScimFilterGenerators.EnterpriseUrn, enterprise);
        var acme = new JsonObject();
        Add(acme, "loginCount", LoginCount);
        Add(user, ScimFilterGenerators.AcmeUrn, acme);
        return user;
    }

    public override string ToString() => ToJson().ToJsonString();

    /// <summary>Builds <see cref="Map"/> with <c>userName</c> and <c>emails.value</c> on normalized columns.</summary>
    private static ScimFilterMap<TestUser> NormalizedMap(
        Expression<Func<TestUser, string?>> userName,
        Expression<Func<TestUser, string?>> email,
        Func<string, string> normalize) => new ScimFilterMap<TestUser>()
        .Map("id", u => u.Id)
        .Map("externalId", u => u.ExternalId)
        .MapNormalized("userName", userName, normalize)
        .Map("displayName", u => u.DisplayName)
        .Map("active", u => u.Active)
        .Map("name.givenName", u => u.GivenName)
        .Map("name.familyName", u => u.FamilyName)
        .MapNormalized("emails.value", email, normalize)
        .Map("emails.type", u => u.EmailType)
        .Map("emails.primary", u => u.EmailPrimary)
        .Map("meta.lastModified", u => u.LastModified)
        .Map($"{ScimFilterGenerators.EnterpriseUrn}:employeeNumber", u => u.EmployeeNumber)
        .Map($"{ScimFilterGenerators.EnterpriseUrn}:manager.value", u => u.ManagerId)
        .Map($"{ScimFilterGenerators.AcmeUrn}:loginCount", u => u.LoginCount);

    private void Add(JsonObject json, string key, JsonNode? value)
    {
        if (value is null && !WriteNulls)
        {
            return;
        }

        json[ShoutKeys ? key.ToUpperInvariant() : key] = value;
    }
}

/// <summary>The two normalizers hosts use for case-insensitive columns.</summary>
public static class Normalizers
{
    /// <summary>Gets <see cref="string.ToUpperInvariant()"/>: ASP.NET Core Identity's, and the sample host's.</summary>
    public static Func<string, string> Upper { get; } = static value => value.ToUpperInvariant();

    /// <summary>Gets <see cref="string.ToLowerInvariant()"/>: the fold of the evaluator.</summary>
    public static Func<string, string> Lower { get; } = static value => value.ToLowerInvariant();
}
