using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim;
using MembershipStates.Testing.Http;

namespace MembershipStates.Testing.Model;

/// <content>Checks each answer against the reference model, then moves the model on.</content>
internal sealed partial class SequenceRunner
{
    private void Verify(Sent sent, ModelOrganization org, string? context)
    {
        var step = sent.Step;
        switch (step.Kind)
        {
            case StepKind.Create:
                VerifyCreate(sent, org, context);
                return;
            case StepKind.Delete:
                VerifyDelete(sent, org, context);
                return;
            case StepKind.Deactivate or StepKind.Reactivate or StepKind.Replace or StepKind.PatchAttributes:
                VerifyChange(sent, org, context);
                return;
            default:
                VerifyGroup(sent, org);
                return;
        }
    }

    private string Rule(string cell, string? context) => _lastRule = context is null ? cell : $"{context}; then {cell}";

    private void VerifyCreate(Sent sent, ModelOrganization org, string? context)
    {
        var step = sent.Step;
        var existing = org.Users.GetValueOrDefault(step.UserKey);
        var state = existing is null ? "NotMember" : existing.Active ? "Active" : "Inactive";
        var rule = Rule(Rules.Provision(state, step.Active, _policy), context);
        if (existing is { Active: true } || (existing is not null && _policy == InactiveProvisionPolicy.Reject))
        {
            Check.Error(sent.Answer, 409, "uniqueness", rule);
            return;
        }

        var json = Check.User(sent.Answer, 201, rule);
        var id = (string)json["id"]!;
        Check.That(sent.Answer.Location?.EndsWith("/Users/" + id, StringComparison.Ordinal) == true, rule, $"Location …/Users/{id}", () => sent.Answer.Location ?? "no Location");
        ModelUser user;
        if (existing is null)
        {
            Check.That(!org.RemovedUserIds.ContainsValue(id) && org.MemberById(id) is null, rule, "an id no member of the organization has or had", () => id);
            user = new ModelUser(id) { Version = 1 };
            org.Users[step.UserKey] = user;
        }
        else
        {
            Check.That(id == existing.Id, $"{Rules.IdStable} (after {rule})", $"the inactive member's id {existing.Id}", () => id);
            user = existing;
            user.Version++;
        }

        user.Active = step.Active;
        user.UserName = step.UserName;
        user.GivenName = step.GivenName;
        user.WorkEmail = step.UserName;
        user.EmployeeNumber = step.Form == Form.Entra ? "701984" : null;
        ShouldBe(json, sent.Answer, user, org, rule);
    }

    private void VerifyChange(Sent sent, ModelOrganization org, string? context)
    {
        var step = sent.Step;
        var member = org.Member(step.UserKey, sent.Id);
        var rule = Rule(Rules.Change(step.Kind, member), context);
        if (IsRefusedBeforeDeciding(sent, member, rule))
        {
            return;
        }

        var active = step.Kind switch
        {
            StepKind.Deactivate => false,
            StepKind.Reactivate => true,
            _ => member.Active,
        };
        // Okta's PUT carries a placeholder password, which is discarded, never stored: it changes nothing.
        var changed = active != member.Active
            || (step.Kind == StepKind.Replace && step.GivenName != member.GivenName)
            || (step.Kind == StepKind.PatchAttributes && AttributesDiffer(step, member));
        var json = Check.User(sent.Answer, 200, rule);
        member.Active = active;
        if (step.Kind == StepKind.Replace)
        {
            member.GivenName = step.GivenName;
        }
        else if (step.Kind == StepKind.PatchAttributes)
        {
            member.GivenName = step.GivenName;
            member.WorkEmail = step.WorkEmail;
            member.EmployeeNumber = step.EmployeeNumber;
        }

        if (changed)
        {
            member.Version++;
        }

        ShouldBe(json, sent.Answer, member, org, rule);
    }

    /// <summary>
    /// Checks the answers that come before any decision on a member: 404 when the model has no such member, 412 for
    /// a stale <c>If-Match</c>. Returns whether the step was one of them.
    /// </summary>
    private bool IsRefusedBeforeDeciding(Sent sent, [NotNullWhen(false)] ModelUser? member, string rule)
    {
        if (member is null)
        {
            Check.Error(sent.Answer, 404, null, rule);
            return true;
        }

        if (sent.Step.IfMatch == Precondition.Stale)
        {
            Check.Error(sent.Answer, 412, null, Rule(Rules.StaleIfMatch, null));
            return true;
        }

        return false;
    }

    private void VerifyDelete(Sent sent, ModelOrganization org, string? context)
    {
        var step = sent.Step;
        var member = org.Member(step.UserKey, sent.Id);
        var rule = Rule(Rules.Change(StepKind.Delete, member), context);
        if (IsRefusedBeforeDeciding(sent, member, rule))
        {
            return;
        }

        Check.That(sent.Answer.Status == 204 && sent.Answer.Body.Length == 0, rule, "204 with no body", sent.Answer.ToString);
        org.Remove(step.UserKey);
    }

    private void VerifyGroup(Sent sent, ModelOrganization org)
    {
        var step = sent.Step;
        var answer = sent.Answer;
        if (step.Kind == StepKind.CreateGroup)
        {
            if (org.Groups.ContainsKey(step.GroupKey))
            {
                Check.Error(answer, 409, "uniqueness", Rule(Rules.GroupUnique, null));
                return;
            }

            var rule = Rule("Groups: POST /Groups creates the group, 201, displayName as sent", null);
            var json = Check.Status(answer, 201, rule).Json!;
            var id = (string?)json["id"];
            Check.That(!string.IsNullOrEmpty(id) && (string?)json["displayName"] == step.GroupName, rule, $"an id and displayName \"{step.GroupName}\"", answer.ToString);
            org.Groups[step.GroupKey] = new ModelGroup(id!, step.GroupName);
            return;
        }

        var group = org.Groups.Values.FirstOrDefault(g => g.Id == sent.Id);
        if (group is null)
        {
            Check.Error(answer, 404, null, Rule(Rules.GroupNotFound, null));
            return;
        }

        switch (step.Kind)
        {
            case StepKind.AddMember when step.FromOtherOrg || org.MemberById(sent.MemberId) is null:
                Check.Error(answer, 400, "invalidValue", Rule(Rules.GroupOwnOrganization, null));
                return;
            case StepKind.AddMember:
                Check.That(answer.Status == 204, Rule(Rules.GroupAdd, null), "204", answer.ToString);
                group.Members.Add(sent.MemberId);
                return;
            case StepKind.RemoveMember:
                Check.That(answer.Status == 204, Rule(Rules.GroupRemove, null), "204", answer.ToString);
                group.Members.Remove(sent.MemberId);
                return;
            default:
                Check.That(answer.Status == 204, Rule(Rules.GroupDelete, null), "204", answer.ToString);
                org.Groups.Remove(step.GroupKey);
                org.RemovedGroupIds[step.GroupKey] = group.Id;
                return;
        }
    }

    /// <summary>Compares a user the store answered with the member the rules say it holds.</summary>
    private void ShouldBe(JsonNode json, KitAnswer? answer, ModelUser user, ModelOrganization org, string rule)
    {
        Check.That((string?)json["id"] == user.Id, $"{Rules.IdStable} (after {rule})", $"id {user.Id}", () => $"id {json["id"]}");
        Check.That(json["active"]?.GetValueKind() == (user.Active ? JsonValueKind.True : JsonValueKind.False), rule, $"\"active\": {(user.Active ? "true" : "false")}", () => $"\"active\": {json["active"]?.ToJsonString() ?? "absent"}");
        var version = ScimETag.FromVersion(user.Version);
        Check.That((string?)json["meta"]?["version"] == version && (answer is null || answer.ETag == version), $"{Rules.Versions} (after {rule})",
            $"version {version}", () => $"meta.version {json["meta"]?["version"]}{(answer is null ? string.Empty : $", ETag {answer.ETag}")}");
        Check.That((string?)json["userName"] == user.UserName, $"{Rules.UserNameExact} (after {rule})", $"userName \"{user.UserName}\"", () => $"userName {json["userName"]?.ToJsonString()}");
        var given = (string?)json["name"]?["givenName"];
        var email = (string?)json["emails"]?[0]?["value"];
        var employee = (string?)json[Scripts.ProviderPayloads.EnterpriseUser]?["employeeNumber"];
        Check.That(given == user.GivenName && email == user.WorkEmail && employee == user.EmployeeNumber, $"{Rules.Attributes} (after {rule})",
            $"givenName \"{user.GivenName}\", work e-mail \"{user.WorkEmail}\", employeeNumber {(user.EmployeeNumber is null ? "absent" : $"\"{user.EmployeeNumber}\"")}",
            () => $"givenName {Quote(given)}, work e-mail {Quote(email)}, employeeNumber {Quote(employee)}");
        if (_groups && (answer is null || answer.Status == 200 || json["groups"] is not null))
        {
            var expected = org.GroupsOf(user.Id);
            var actual = (json["groups"] as JsonArray ?? []).Select(g => (string?)g?["value"] ?? string.Empty).ToHashSet(StringComparer.Ordinal);
            Check.That(expected.SetEquals(actual), $"{Rules.GroupsOfUser} (after {rule})", Ids(expected), () => Ids(actual));
        }
    }

    private static string Quote(string? value) => value is null ? "absent" : $"\"{value}\"";

    private static string Ids(IEnumerable<string> ids) => ids.Any() ? "groups [" + string.Join(", ", ids.Order(StringComparer.Ordinal)) + "]" : "no groups";
}
