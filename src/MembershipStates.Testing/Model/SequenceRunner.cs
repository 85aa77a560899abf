using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim;
using MembershipStates.Testing.Hosting;
using MembershipStates.Testing.Http;
using MembershipStates.Testing.Scripts;

namespace MembershipStates.Testing.Model;

/// <summary>
/// Runs one generated sequence against fresh organizations: sends each step as the provider would, checks the answer
/// against the reference model, then reads the store's whole state back and compares it.
/// </summary>
internal sealed partial class SequenceRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly KitSession _session;
    private readonly InactiveProvisionPolicy _policy;
    private readonly bool _groups;
    private readonly Dictionary<int, ModelOrganization> _model = [];
    private string _lastRule = "the first step";

    private SequenceRunner(KitSession session, InactiveProvisionPolicy policy, bool groups)
    {
        _session = session;
        _policy = policy;
        _groups = groups;
    }

    private Checker Check => _session.Check;

    /// <summary>Runs the sequence; the first broken rule, or <see langword="null"/> when every answer and state matched.</summary>
    public static async Task<ScimConformanceException?> RunAsync(KitSession session, Sequence sequence, InactiveProvisionPolicy policy, bool groups)
    {
        var runner = new SequenceRunner(session, policy, groups);
        try
        {
            for (var i = 0; i < sequence.Steps.Count; i++)
            {
                var step = sequence.Steps[i];
                session.Transcript.Note($"step {i + 1}: {step}");
                await runner.StepAsync(step).ConfigureAwait(false);
                await runner.VerifyStateAsync(step).ConfigureAwait(false);
            }

            return null;
        }
        catch (ScimConformanceException failure)
        {
            return failure;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TimeoutException or JsonException or TaskCanceledException)
        {
            return session.Check.Failure("Every request the kit sends gets an answer", "an answer", $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private ModelOrganization Model(int org)
    {
        if (!_model.TryGetValue(org, out var found))
        {
            _model[org] = found = new ModelOrganization();
        }

        return found;
    }

    private async Task StepAsync(Step step)
    {
        var client = await _session.OrganizationAsync(step.Org).ConfigureAwait(false);
        var org = Model(step.Org);
        if (step.Kind != StepKind.Race)
        {
            Verify(await SendAsync(step, client, org).ConfigureAwait(false), org, context: null);
            return;
        }

        var first = step.First!;
        var second = step.Second!;
        if (!RequiresCommit(first, org))
        {
            // Nothing to commit, so nothing to race: the first is answered at once, then the second.
            Verify(await SendAsync(first, _session.OnFirstInstance(client), org).ConfigureAwait(false), org, context: null);
            Verify(await SendAsync(second, _session.OnSecondInstance(client), org).ConfigureAwait(false), org, context: null);
            return;
        }

        var race = first.Kind == StepKind.Create && second.Kind == StepKind.Create ? Rules.RaceCreate : Rules.RaceChange;
        var gate = _session.Host.Gate;
        var reached = gate.Arm();
        var firstTask = SendAsync(first, _session.OnFirstInstance(client), org);
        var done = await Task.WhenAny(reached, firstTask, Task.Delay(Timeout)).ConfigureAwait(false);
        if (done != reached)
        {
            gate.Release();
            Check.That(done == firstTask, race, "the first request reaches its commit", () => $"no answer within {Timeout.TotalSeconds} s");

            // The store answered without committing what the lifecycle decides: the answer shows what went wrong.
            Verify(await firstTask.ConfigureAwait(false), org, context: race);
            Verify(await SendAsync(second, _session.OnSecondInstance(client), org).ConfigureAwait(false), org, context: null);
            return;
        }

        _session.Transcript.Note("the first request has read and decided; its commit waits while the second runs on the other instance");
        try
        {
            Verify(await SendAsync(second, _session.OnSecondInstance(client), org).ConfigureAwait(false), org, context: null);
        }
        finally
        {
            gate.Release();
        }

        _session.Transcript.Note("the first request commits now, after the second");
        Verify(await firstTask.WaitAsync(Timeout).ConfigureAwait(false), org, context: race);
    }

    /// <summary>Whether the lifecycle decides a change for the step in the current state, so that the store is asked to commit it.</summary>
    private bool RequiresCommit(Step step, ModelOrganization org)
    {
        var member = org.Users.GetValueOrDefault(step.UserKey);
        return step.Kind switch
        {
            StepKind.Create => member is null || (!member.Active && _policy == InactiveProvisionPolicy.Revive),
            StepKind.Deactivate => member is { Active: true },
            StepKind.Reactivate => member is { Active: false },
            StepKind.PatchAttributes => member is not null && AttributesDiffer(step, member),
            StepKind.Delete => member is not null,
            _ => false,
        };
    }

    private static bool AttributesDiffer(Step step, ModelUser member) =>
        step.GivenName != member.GivenName || step.WorkEmail != member.WorkEmail || step.EmployeeNumber != member.EmployeeNumber;

    /// <summary>A request sent: the step, the ids it named, and the answer.</summary>
    private sealed record Sent(Step Step, string Id, string MemberId, KitAnswer Answer);

    private async Task<Sent> SendAsync(Step step, KitClient client, ModelOrganization org)
    {
        switch (step.Kind)
        {
            case StepKind.Create:
            {
                var body = step.Form == Form.Entra
                    ? ProviderPayloads.EntraCreate(step.UserName, "entra-" + step.ExternalId, step.GivenName, step.Active)
                    : ProviderPayloads.OktaCreate(step.UserName, "00u-" + step.ExternalId, step.GivenName, step.Active);
                return new Sent(step, string.Empty, string.Empty, await client.PostAsync("/Users", body, step.Form == Form.Entra ? KitClient.ScimJson : "application/json").ConfigureAwait(false));
            }

            case StepKind.Deactivate or StepKind.Reactivate when step.Form != Form.Wizard:
            {
                var id = org.IdFor(step.UserKey, step.User);
                var active = step.Kind == StepKind.Reactivate;
                var body = step.Form switch
                {
                    Form.Entra => ProviderPayloads.EntraSetActiveDefault(active),
                    Form.EntraFlagged => ProviderPayloads.EntraSetActiveFlagged(active),
                    _ => ProviderPayloads.OktaSetActive(active),
                };
                return new Sent(step, id, id, await client.PatchAsync($"/Users/{id}", body, IfMatchOf(step, org)).ConfigureAwait(false));
            }

            case StepKind.Deactivate or StepKind.Reactivate or StepKind.Replace:
            {
                // Okta reads the user, then PUTs it back whole.
                var id = org.IdFor(step.UserKey, step.User);
                var member = org.Member(step.UserKey, id);
                var read = await client.GetAsync($"/Users/{id}").ConfigureAwait(false);
                JsonNode current;
                if (member is null)
                {
                    Check.Error(read, 404, null, Rules.RemovedIs404);
                    current = new JsonObject { ["schemas"] = new JsonArray(Checker.UserSchema), ["userName"] = step.UserName };
                }
                else
                {
                    current = Check.User(read, 200, Rules.ReadById);
                }

                var active = step.Kind switch
                {
                    StepKind.Deactivate => false,
                    StepKind.Reactivate => true,
                    _ => member?.Active ?? true,
                };
                var body = ProviderPayloads.OktaPut(current, active, step.Kind == StepKind.Replace ? step.GivenName : null);
                return new Sent(step, id, id, await client.PutAsync($"/Users/{id}", body, IfMatchOf(step, org), "application/json").ConfigureAwait(false));
            }

            case StepKind.PatchAttributes:
            {
                var id = org.IdFor(step.UserKey, step.User);
                var body = ProviderPayloads.EntraMultiReplace(step.GivenName, step.WorkEmail, step.EmployeeNumber);
                return new Sent(step, id, id, await client.PatchAsync($"/Users/{id}", body, IfMatchOf(step, org)).ConfigureAwait(false));
            }

            case StepKind.Delete:
            {
                var id = org.IdFor(step.UserKey, step.User);
                return new Sent(step, id, id, await client.DeleteAsync($"/Users/{id}", IfMatchOf(step, org)).ConfigureAwait(false));
            }

            case StepKind.CreateGroup:
                return new Sent(step, string.Empty, string.Empty, await client.PostAsync("/Groups", ProviderPayloads.Group(step.GroupName, step.Form == Form.Entra), step.Form == Form.Entra ? KitClient.ScimJson : "application/json").ConfigureAwait(false));

            case StepKind.AddMember or StepKind.RemoveMember:
            {
                var groupId = org.GroupIdFor(step.GroupKey, step.Group);
                var memberId = step.FromOtherOrg ? Model(1 - step.Org).IdFor(step.UserKey, step.User) : org.IdFor(step.UserKey, step.User);
                var body = step.Kind == StepKind.AddMember
                    ? ProviderPayloads.AddMembers(step.Form == Form.Entra, memberId)
                    : ProviderPayloads.RemoveMember(step.Form == Form.Entra, memberId);
                return new Sent(step, groupId, memberId, await client.PatchAsync($"/Groups/{groupId}", body).ConfigureAwait(false));
            }

            default:
            {
                var groupId = org.GroupIdFor(step.GroupKey, step.Group);
                return new Sent(step, groupId, string.Empty, await client.DeleteAsync($"/Groups/{groupId}").ConfigureAwait(false));
            }
        }
    }

    /// <summary>The step's <c>If-Match</c>: the member's current version, one it no longer has, or none.</summary>
    private static string? IfMatchOf(Step step, ModelOrganization org)
    {
        var member = org.Users.GetValueOrDefault(step.UserKey);
        return step.IfMatch switch
        {
            Precondition.Current => ScimETag.FromVersion(member?.Version ?? 1),
            Precondition.Stale => ScimETag.FromVersion(member is null ? 1 : member.Version > 1 ? member.Version - 1 : member.Version + 1),
            _ => null,
        };
    }
}
