using System.Text.Json.Nodes;

namespace MembershipStates.Testing.Scripts;

/// <summary>The bodies Okta and Entra ID send, as their documentation and test suites show them.</summary>
internal static class ProviderPayloads
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>Okta's placeholder password on its POSTs and PUTs; never answered.</summary>
    public const string OktaPassword = "tlpWENT2m";

    /// <summary>A mixed-case e-mail userName no other request of the run uses, like Okta's Runscope names.</summary>
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
    public static string OktaCreate(string userName, string externalId, string givenName = "Ann", bool active = true) =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["externalId"] = externalId,
            ["name"] = new JsonObject { ["givenName"] = givenName, ["familyName"] = "Lee" },
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["displayName"] = $"{givenName} Lee",
            ["locale"] = "en-US",
            ["password"] = OktaPassword,
            ["active"] = active,
            ["groups"] = new JsonArray(),
        }.ToJsonString();

    /// <summary>Okta's profile PUT: the user as it read it (id, meta, groups: []) with changes, and the password placeholder.</summary>
    public static string OktaPut(JsonNode current, bool active, string? givenName = null)
    {
        var user = current.DeepClone().AsObject();
        user["active"] = active;
        user["groups"] = new JsonArray();
        user["password"] = OktaPassword;
        if (givenName is not null)
        {
            user["name"] ??= new JsonObject();
            user["name"]!["givenName"] = givenName;
        }

        return user.ToJsonString();
    }

    /// <summary>Okta's deactivate or reactivate PATCH: no path, the value an object.</summary>
    public static string OktaSetActive(bool active) =>
        $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"active":{{{(active ? "true" : "false")}}}}}]}""";

    /// <summary>Entra ID's create: externalId, userName, active, name, a work e-mail, enterprise attributes.</summary>
    public static string EntraCreate(string userName, string externalId, string givenName = "Ryan", bool active = true) =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", EnterpriseUser),
            ["externalId"] = externalId,
            ["userName"] = userName,
            ["active"] = active,
            ["displayName"] = $"{givenName} Leenay",
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = userName }),
            ["meta"] = new JsonObject { ["resourceType"] = "User" },
            ["name"] = new JsonObject { ["formatted"] = $"{givenName} Leenay", ["familyName"] = "Leenay", ["givenName"] = givenName },
            [EnterpriseUser] = new JsonObject { ["employeeNumber"] = "701984", ["department"] = "Sales" },
        }.ToJsonString();

    /// <summary>Entra ID's default disable or enable: capitalised op, a path, the value a string.</summary>
    public static string EntraSetActiveDefault(bool active) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Replace","path":"active","value":"{{(active ? "True" : "False")}}"}]}""";

    /// <summary>Entra ID's disable or enable with the aadOptscim062020 flag: lowercase op, a boolean.</summary>
    public static string EntraSetActiveFlagged(bool active) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":{{(active ? "true" : "false")}}}]}""";

    /// <summary>Entra ID's attribute update: several operations in one PATCH.</summary>
    public static string EntraMultiReplace(string givenName, string workEmail, string employeeNumber) =>
        new JsonObject
        {
            ["schemas"] = new JsonArray(PatchOp),
            ["Operations"] = new JsonArray(
                new JsonObject { ["op"] = "Replace", ["path"] = "name.givenName", ["value"] = givenName },
                new JsonObject { ["op"] = "Replace", ["path"] = "emails[type eq \"work\"].value", ["value"] = workEmail },
                new JsonObject { ["op"] = "Add", ["path"] = EnterpriseUser + ":employeeNumber", ["value"] = employeeNumber }),
        }.ToJsonString();

    /// <summary>Entra ID's attribute update with the aadOptscim062020 flag: one path-less replace with dotted keys.</summary>
    public static string EntraFlaggedReplace(string givenName, string displayName, bool active) =>
        $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"name.givenName":"{{{givenName}}}","displayName":"{{{displayName}}}","active":{{{(active ? "true" : "false")}}}}}]}""";

    /// <summary>A group as Okta creates it (Group Push), or as Entra ID does with its extension schema and an externalId.</summary>
    public static string Group(string displayName, bool entra) =>
        entra
            ? new JsonObject
            {
                ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group", "urn:ietf:params:scim:schemas:extension:Microsoft:AzureADSCIM:2.0:Group"),
                ["externalId"] = "ext-" + displayName.ToUpperInvariant(),
                ["displayName"] = displayName,
                ["meta"] = new JsonObject { ["resourceType"] = "Group" },
            }.ToJsonString()
            : new JsonObject
            {
                ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
                ["displayName"] = displayName,
                ["members"] = new JsonArray(),
            }.ToJsonString();

    /// <summary>Adds members: Okta's lowercase op with a display, or Entra ID's capitalised op with a null <c>$ref</c>.</summary>
    public static string AddMembers(bool entra, params string[] ids) => GroupPatch(new JsonObject
    {
        ["op"] = entra ? "Add" : "add",
        ["path"] = "members",
        ["value"] = new JsonArray([.. ids.Select(id => (JsonNode)(entra
            ? new JsonObject { ["$ref"] = null, ["value"] = id }
            : new JsonObject { ["value"] = id, ["display"] = id }))]),
    });

    /// <summary>Removes one member: Okta's (and Entra ID's flagged) filter path, or Entra ID's default list of values.</summary>
    public static string RemoveMember(bool entra, string id) => GroupPatch(entra
        ? new JsonObject { ["op"] = "Remove", ["path"] = "members", ["value"] = new JsonArray(new JsonObject { ["value"] = id }) }
        : new JsonObject { ["op"] = "remove", ["path"] = $"members[value eq \"{id}\"]" });

    private static string GroupPatch(JsonObject operation) =>
        new JsonObject { ["schemas"] = new JsonArray(PatchOp), ["Operations"] = new JsonArray(operation) }.ToJsonString();
}
