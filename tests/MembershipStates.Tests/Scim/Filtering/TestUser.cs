using System.Globalization;
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

    public string Id { get; init; } = string.Empty;

    public string? ExternalId { get; init; }

    public string? UserName { get; init; }

    public string? DisplayName { get; init; }

    public bool Active { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? Email { get; init; }

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

    private void Add(JsonObject json, string key, JsonNode? value)
    {
        if (value is null && !WriteNulls)
        {
            return;
        }

        json[ShoutKeys ? key.ToUpperInvariant() : key] = value;
    }
}
