using System.Text.Json.Nodes;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>The bodies Okta and Entra ID send, as their documentation and test suites show them (see /work/shared/PROVIDERS.md).</summary>
public static class Payloads
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>A mixed-case e-mail userName that no other test uses, like Okta's Runscope names.</summary>
    public static string NewUserName(string prefix = "Runscope") =>
        $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)] + "@Atko.com";

    /// <summary>Okta's SPEC test POST: name, a primary work e-mail, displayName, active.</summary>
    public static string OktaSpecUser(string userName, string givenName = "Given", string familyName = "Family") =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName },
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["displayName"] = $"{givenName} {familyName}",
            ["active"] = true,
        }.ToJsonString();

    /// <summary>Okta's assignment POST: with externalId and a placeholder password.</summary>
    public static string OktaCreate(string userName, string externalId, string givenName = "Ann", string familyName = "Lee") =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["externalId"] = externalId,
            ["name"] = new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName },
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["displayName"] = $"{givenName} {familyName}",
            ["locale"] = "en-US",
            ["password"] = "tlpWENT2m",
            ["active"] = true,
            ["groups"] = new JsonArray(),
        }.ToJsonString();

    /// <summary>Okta's profile PUT: the user as it read it (id, meta, groups: [], roles: []) with changes, and the password placeholder.</summary>
    public static string OktaPut(JsonNode current, bool active, string? givenName = null)
    {
        var user = current.DeepClone().AsObject();
        user["active"] = active;
        user["groups"] = new JsonArray();
        user["roles"] = new JsonArray();
        user["password"] = "tlpWENT2m";
        if (givenName is not null)
        {
            user["name"]!["givenName"] = givenName;
        }

        return user.ToJsonString();
    }

    /// <summary>Okta's deactivate or reactivate PATCH: no path, the value an object.</summary>
    public static string OktaSetActive(bool active) =>
        $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"active":{{{(active ? "true" : "false")}}}}}]}""";

    /// <summary>Entra ID's create: externalId, userName, active, name, a work e-mail, enterprise attributes.</summary>
    public static string EntraCreate(string userName, string externalId) =>
        $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "{{externalId}}",
          "userName": "{{userName}}",
          "active": true,
          "displayName": "Ryan Leenay",
          "emails": [{ "primary": true, "type": "work", "value": "{{userName}}" }],
          "meta": { "resourceType": "User" },
          "name": { "formatted": "Ryan Leenay", "familyName": "Leenay", "givenName": "Ryan" },
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { "employeeNumber": "701984", "department": "Sales" }
        }
        """;

    /// <summary>Entra ID's default disable or enable: capitalised op, a path, the value a string.</summary>
    public static string EntraSetActiveDefault(bool active) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Replace","path":"active","value":"{{(active ? "True" : "False")}}"}]}""";

    /// <summary>Entra ID's disable or enable with the aadOptscim062020 flag: lowercase op, a boolean.</summary>
    public static string EntraSetActiveFlagged(bool active) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":{{(active ? "true" : "false")}}}]}""";

    /// <summary>Entra ID's attribute update: several operations in one PATCH.</summary>
    public static string EntraMultiReplace(string givenName, string workEmail, string employeeNumber) =>
        $$"""
        {
          "schemas": ["{{PatchOp}}"],
          "Operations": [
            { "op": "Replace", "path": "name.givenName", "value": "{{givenName}}" },
            { "op": "Replace", "path": "emails[type eq \"work\"].value", "value": "{{workEmail}}" },
            { "op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "value": "{{employeeNumber}}" }
          ]
        }
        """;

    /// <summary>Entra ID's attribute update with the aadOptscim062020 flag: one path-less replace with dotted keys.</summary>
    public static string EntraFlaggedReplace(string givenName, string displayName, bool active) =>
        $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"name.givenName":"{{{givenName}}}","displayName":"{{{displayName}}}","active":{{{(active ? "true" : "false")}}}}}]}""";
}
