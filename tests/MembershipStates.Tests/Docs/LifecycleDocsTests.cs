using FluentAssertions;

namespace MembershipStates.Tests.Docs;

/// <summary>
/// The lifecycle diagrams and table in docs/ are generated from the Stateless specification; this test fails when the
/// committed files differ from what the code generates.
/// </summary>
public sealed class LifecycleDocsTests
{
    internal const string UpdateVariable = "MEMBERSHIPSTATES_UPDATE_DOCS";

    internal const string RegenerateCommand =
        UpdateVariable + "=1 dotnet test tests/MembershipStates.Tests --filter FullyQualifiedName~LifecycleDocsTests";

    public static TheoryData<string> Files() => new() { "docs/lifecycle.md", "docs/lifecycle.mmd", "docs/lifecycle.dot" };

    [Theory]
    [MemberData(nameof(Files))]
    public void CommittedDocs_EqualWhatTheSpecificationGenerates(string relativePath)
    {
        var generated = Generate(relativePath);
        var path = RepositoryFiles.PathOf(relativePath);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.Exists(path).Should().BeTrue($"{relativePath} is generated; create it with: {RegenerateCommand}");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(
            generated,
            $"{relativePath} must equal what the lifecycle specification generates; regenerate it with: {RegenerateCommand}");
    }

    private static string Generate(string relativePath) => relativePath switch
    {
        "docs/lifecycle.mmd" => LifecycleDocumentation.ToMermaid(),
        "docs/lifecycle.dot" => LifecycleDocumentation.ToDot(),
        _ => Page(),
    };

    private static string Page() => $$"""
        # The membership lifecycle

        <!-- Generated from the Stateless specification in src/MembershipStates/Lifecycle/LifecycleSpecification.cs.
             Do not edit by hand; regenerate with: {{RegenerateCommand}} -->

        One user's membership in one organization is in one of three states. Identity providers (Okta, Microsoft Entra ID,
        OneLogin, JumpCloud, Ping…) assume all three exist:

        | state | meaning | what the provider sees |
        |---|---|---|
        | **Active** | in the organization, enabled | `GET /Users/{id}` → 200 with `"active": true` |
        | **Inactive** | in the organization, disabled (deactivated, unassigned, soft-deleted) | `GET /Users/{id}` → 200 with `"active": false`; still found by filters |
        | **NotMember** | never provisioned, or removed by `DELETE` | 404 on every operation; absent from lists and filters |

        ## Diagram

        Self-loops are commands that keep the state: reads and repeated (de)activations change nothing, profile updates
        and revivals change attributes and the version. Commands not drawn from a state are rejected: a provision on an
        existing membership is a conflict, anything else on a non-member is not found. The same graph in Graphviz form is
        [lifecycle.dot](lifecycle.dot); the Mermaid source alone is [lifecycle.mmd](lifecycle.mmd).

        ```mermaid
        {{LifecycleDocumentation.ToMermaid().TrimEnd()}}
        ```

        ## Transition table

        Compiled from the same specification into the immutable table every decision reads. Status codes are those the
        SCIM layer answers with.

        {{LifecycleDocumentation.ToMarkdownTable().TrimEnd()}}

        Rules that hold across the table:

        - A command other than a provision on a non-member is **not found**, before anything else is checked.
        - A request's expected version (`If-Match`) that differs from the current version is a **precondition failure**
          (412) with no effects.
        - Every change increments the version by one; an unchanged outcome keeps it. A `Deactivate` or `Reactivate` that
          keeps the state but carries attribute changes is one **update**; a profile update that changes nothing is
          **unchanged**.
        - The SCIM id is stable from provisioning until removal; a revival keeps it. After removal a provision creates a
          new membership with a new id.

        ## Group membership follows the member

        A user's membership in a group of the organization is a second membership, and it follows the first. Every
        decision carries what it does to the member's group memberships (`MembershipDecision.GroupEffect`), and the
        host applies it in the same transaction as the change of state. Compiled from the same specification and the
        host mappings (`TwoStateHost.Plan`, `StatusColumnHost<TStatus>.Plan`):

        {{LifecycleDocumentation.ToGroupMarkdownTable().TrimEnd()}}

        - An Inactive member stays listed in its groups' `members` and in its own `groups`, but no group gives it access:
          a two-state app's `group_members` table keeps meaning "has access" and holds Active members only.
        - Reactivation, or a revival by a re-`POST`, restores exactly the groups the member had; identity providers do
          not push the memberships again by themselves.
        - A group holds only members of its own organization: a member value that is not a member of this organization
          (unknown, removed, or another organization's) is refused, and the request changes nothing.

        """;
}
