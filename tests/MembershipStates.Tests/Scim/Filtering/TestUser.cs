using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Filtering;

/// <summary>
/// A host's own user entity: several e-mail addresses, phone numbers and addresses as collections, a few enterprise
/// attributes, a custom counter.
/// </summary>
public sealed class TestUser
{
    /// <summary>Gets the map of a host that keeps every value as sent: case folded in the query (<c>ToUpper()</c>).</summary>
    public static ScimFilterMap<TestUser> Map { get; } = NewMap(u => u.UserName, email => email.Map("value", e => e.Value), null);

    /// <summary>Gets the map of a host that stores <c>userName</c> and e-mail addresses folded, as its unique indexes see them.</summary>
    public static ScimFilterMap<TestUser> UpperNormalizedMap { get; } =
        NewMap(u => u.UpperUserName, email => email.MapNormalized("value", e => e.UpperValue, Normalizers.Upper), Normalizers.Upper);

    public string Id { get; init; } = string.Empty;

    public string? ExternalId { get; init; }

    public string? UserName { get; init; }

    /// <summary>Gets <see cref="UserName"/> as a host stores it for its unique index, upper-cased.</summary>
    public string? UpperUserName => UserName?.ToUpperInvariant();

    public string? DisplayName { get; init; }

    public bool Active { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public IReadOnlyList<TestValue> Emails { get; init; } = [];

    public IReadOnlyList<TestValue> PhoneNumbers { get; init; } = [];

    public IReadOnlyList<TestAddress> Addresses { get; init; } = [];

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
        AddValues(user, "emails", Emails, ToJson);
        AddValues(user, "phoneNumbers", PhoneNumbers, ToJson);
        AddValues(user, "addresses", Addresses, ToJson);
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

    /// <summary>Builds a map, <c>userName</c> and <c>emails.value</c> as given, every other attribute as sent.</summary>
    private static ScimFilterMap<TestUser> NewMap(
        Expression<Func<TestUser, string?>> userName,
        Func<ScimFilterMap<TestValue>, ScimFilterMap<TestValue>> emailValue,
        Func<string, string>? normalize)
    {
        var map = new ScimFilterMap<TestUser>().Map("id", u => u.Id).Map("externalId", u => u.ExternalId);
        map = normalize is null ? map.Map("userName", userName) : map.MapNormalized("userName", userName, normalize);
        return map
            .Map("displayName", u => u.DisplayName)
            .Map("active", u => u.Active)
            .Map("name.givenName", u => u.GivenName)
            .Map("name.familyName", u => u.FamilyName)
            .MapValues("emails", u => u.Emails, email => emailValue(email)
                .Map("type", e => e.Type)
                .Map("primary", e => e.Primary)
                .Map("display", e => e.Display))
            .MapValues("phoneNumbers", u => u.PhoneNumbers, phone => phone
                .Map("value", p => p.Value)
                .Map("type", p => p.Type)
                .Map("primary", p => p.Primary)
                .Map("display", p => p.Display))
            .MapValues("addresses", u => u.Addresses, address => address
                .Map("locality", a => a.Locality)
                .Map("country", a => a.Country)
                .Map("postalCode", a => a.PostalCode)
                .Map("type", a => a.Type)
                .Map("primary", a => a.Primary))
            .Map("meta.lastModified", u => u.LastModified)
            .Map($"{ScimFilterGenerators.EnterpriseUrn}:employeeNumber", u => u.EmployeeNumber)
            .Map($"{ScimFilterGenerators.EnterpriseUrn}:manager.value", u => u.ManagerId)
            .Map($"{ScimFilterGenerators.AcmeUrn}:loginCount", u => u.LoginCount);
    }

    private JsonObject ToJson(TestValue value)
    {
        var json = new JsonObject();
        Add(json, "value", value.Value);
        Add(json, "display", value.Display);
        Add(json, "type", value.Type);
        Add(json, "primary", value.Primary);
        return json;
    }

    private JsonObject ToJson(TestAddress address)
    {
        var json = new JsonObject();
        Add(json, "locality", address.Locality);
        Add(json, "country", address.Country);
        Add(json, "postalCode", address.PostalCode);
        Add(json, "type", address.Type);
        Add(json, "primary", address.Primary);
        return json;
    }

    private void AddValues<TValue>(JsonObject user, string key, IReadOnlyList<TValue> values, Func<TValue, JsonObject> toJson)
    {
        if (values.Count > 0 || WriteNulls)
        {
            Add(user, key, new JsonArray([.. values.Select(toJson)]));
        }
    }

    private void Add(JsonObject json, string key, JsonNode? value)
    {
        if (value is null && !WriteNulls)
        {
            return;
        }

        json[ShoutKeys ? key.ToUpperInvariant() : key] = value;
    }
}

/// <summary>One value of a multi-valued attribute such as <c>emails</c>.</summary>
public sealed record TestValue(string? Value, string? Type, bool? Primary, string? Display)
{
    /// <summary>Gets <see cref="Value"/> as a host stores it for its index, upper-cased.</summary>
    public string? UpperValue => Value?.ToUpperInvariant();
}

/// <summary>One of a user's addresses.</summary>
public sealed record TestAddress(string? Locality, string? Country, string? PostalCode, string? Type, bool? Primary);

/// <summary>The normalizer hosts use for case-insensitive columns.</summary>
public static class Normalizers
{
    /// <summary>Gets <see cref="string.ToUpperInvariant()"/>: the fold of the evaluator, ASP.NET Core Identity's and the sample host's.</summary>
    public static Func<string, string> Upper { get; } = static value => value.ToUpperInvariant();
}
