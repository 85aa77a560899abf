namespace MembershipStates.Testing.Model;

/// <summary>The rules a failure names: cells of the lifecycle table and the rules of versions, groups, races and organizations (docs/lifecycle.md).</summary>
internal static class Rules
{
    public const string IdStable = "The SCIM id is stable from provisioning until removal";
    public const string Versions = "Versions: every change increments meta.version (the ETag); an unchanged outcome keeps it; the store keeps the version it was given";
    public const string StaleIfMatch = "If-Match: a version that does not match is 412 and changes nothing";
    public const string UserNameExact = "userName is stored and returned exactly as sent";
    public const string Attributes = "Lifecycle: the attributes of the last change are stored and answered";
    public const string Listed = "Read: GET /Users lists every Active and Inactive member of the organization, as stored, and nothing else (a removed member, a duplicate, another organization's)";
    public const string ReadById = "Read: GET /Users/{id} is 200 with active true or false for an Active or Inactive member";
    public const string RemovedIs404 = "Lifecycle: after a DELETE every operation on the id is 404 (RFC 7644 §3.6)";
    public const string FoundByFilter = "Read: a filter on userName, in any case, finds an Active or Inactive member (caseExact is false), and finds no removed one";
    public const string GroupsListed = "Groups: GET /Groups lists every group with its members, Active and Inactive alike";
    public const string GroupsOfUser = "Groups: a user's read-only groups lists every group it is a member of, Active or Inactive";
    public const string GroupUnique = "Groups: displayName is unique per organization, compared case-insensitively (409 uniqueness)";
    public const string GroupOwnOrganization = "Groups: a group holds only members of its own organization; adding an unknown, removed or other organization's user is 400 invalidValue and changes nothing";
    public const string GroupNotFound = "Groups: an unknown or deleted group is 404";
    public const string GroupAdd = "Groups: adding an Active or Inactive member is 204 and recorded, once";
    public const string GroupRemove = "Groups: removing a member is 204 and removes only that member";
    public const string GroupDelete = "Groups: DELETE /Groups/{id} is 204 and leaves its users as they are";
    public const string RaceChange = "Races: a commit decided on a version another commit has changed since is a VersionConflict that changes nothing, and the request is decided again against the winner (IScimMemberStore.CommitAsync)";
    public const string RaceCreate = "Races: two creations of one userName end in one member: the store's unique index on (organization, normalized userName) is the final arbiter (IScimMemberStore.CommitAsync)";

    public static string Provision(string state, bool active, InactiveProvisionPolicy policy) => state switch
    {
        "NotMember" => $"Lifecycle: Provision (POST, active {Lower(active)}) on NotMember → {(active ? "Active" : "Inactive")}, 201 with a new id",
        "Active" => $"Lifecycle: Provision (POST, active {Lower(active)}) on Active → 409 uniqueness (userName is unique per organization, compared case-insensitively)",
        _ => policy == InactiveProvisionPolicy.Revive
            ? $"Lifecycle: Provision (POST, active {Lower(active)}) on Inactive → revive: {(active ? "Active" : "Inactive")}, the same id, 201 (policy Revive); its groups kept"
            : $"Lifecycle: Provision (POST, active {Lower(active)}) on Inactive → 409 (policy Reject)",
    };

    public static string Change(StepKind kind, ModelUser? member)
    {
        var state = member is null ? "NotMember" : member.Active ? "Active" : "Inactive";
        return (kind, state) switch
        {
            (_, "NotMember") => $"Lifecycle: {Command(kind)} on NotMember → 404",
            (StepKind.Deactivate, "Active") => "Lifecycle: Deactivate (PATCH/PUT active false) on Active → Inactive, 200; its groups kept",
            (StepKind.Deactivate, _) => "Lifecycle: Deactivate (PATCH/PUT active false) on Inactive → unchanged, 200 (idempotent)",
            (StepKind.Reactivate, "Inactive") => "Lifecycle: Reactivate (PATCH/PUT active true) on Inactive → Active, 200, the same id; exactly its groups back",
            (StepKind.Reactivate, _) => "Lifecycle: Reactivate (PATCH/PUT active true) on Active → unchanged, 200",
            (StepKind.Delete, _) => $"Lifecycle: Remove (DELETE) on {state} → NotMember, 204; removed from all its groups",
            _ => $"Lifecycle: Update profile (PUT/PATCH other attributes) on {state} → {state}, 200, the attributes stored",
        };
    }

    private static string Command(StepKind kind) => kind switch
    {
        StepKind.Deactivate => "Deactivate",
        StepKind.Reactivate => "Reactivate",
        StepKind.Delete => "Remove (DELETE)",
        _ => "Update profile",
    };

    private static string Lower(bool value) => value ? "true" : "false";
}
