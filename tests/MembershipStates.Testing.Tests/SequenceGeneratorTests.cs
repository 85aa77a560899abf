using FluentAssertions;
using FsCheck.Fluent;
using MembershipStates.Testing.Model;

namespace MembershipStates.Testing.Tests;

/// <summary>The generated sequences reach the cases where stores go wrong, often; and a failing one shrinks.</summary>
public sealed class SequenceGeneratorTests
{
    [Fact]
    public void Generator_ReachesTheInterestingCases()
    {
        var reached = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in SequenceGenerator.Generator(ScimStoreTestOptions.DefaultMaxSteps, groups: true).Sample(400))
        {
            foreach (var situation in Situations(sequence).Distinct())
            {
                reached[situation] = reached.GetValueOrDefault(situation) + 1;
            }
        }

        foreach (var situation in new[]
        {
            "a deactivation", "Entra's string booleans", "Entra's flagged booleans", "a wizard PUT", "a replace", "an attribute patch",
            "a re-POST of a member", "a re-creation after a DELETE", "two spellings of one member", "a non-ASCII name",
            "a stale If-Match", "a current If-Match", "a race of changes", "a race of creations", "a repeated step",
            "a deactivation of a member added to a group", "the second organization", "an add from the other organization",
            "a group deleted", "a member removed from a group",
        })
        {
            reached.GetValueOrDefault(situation).Should().BeGreaterThan(20, "the generator must reach '{0}' often; it reached {1}", situation, string.Join(", ", reached));
        }
    }

    [Fact]
    public void Generator_WithoutGroups_SendsNoGroupStep()
    {
        var steps = SequenceGenerator.Generator(ScimStoreTestOptions.DefaultMaxSteps, groups: false).Sample(200).SelectMany(s => s.Steps).ToList();

        steps.Should().NotContain(step => step.Kind >= StepKind.CreateGroup);
        steps.Select(step => step.Kind).Distinct().Should().HaveCount(7);
    }

    [Fact]
    public void Shrink_OffersShorterAndSimplerSequences()
    {
        var race = new Step(StepKind.Race, 0, 0, true, Form.Okta, Precondition.None, 0, 0, false,
            First: new Step(StepKind.Deactivate, 0, 0, true, Form.Okta, Precondition.None, 0, 0, false),
            Second: new Step(StepKind.PatchAttributes, 0, 1, true, Form.Entra, Precondition.None, 1, 0, false));
        var stale = new Step(StepKind.Reactivate, 1, 3, true, Form.Entra, Precondition.Stale, 0, 0, false);
        var sequence = new Sequence([new Step(StepKind.Create, 0, 0, false, Form.Entra, Precondition.None, 0, 0, false), race, stale]);

        var shrinks = SequenceGenerator.Shrink(sequence).ToList();

        shrinks.Should().Contain(s => s.Steps.Count == 2);
        shrinks.Should().Contain(s => s.Steps.Count == 3 && s.Steps[1] == race.First);
        shrinks.Should().Contain(s => s.Steps.Count == 3 && s.Steps[2].IfMatch == Precondition.None && s.Steps[2].Org == 1);
        shrinks.Should().Contain(s => s.Steps.Count == 3 && s.Steps[0].Active);
        shrinks.Should().OnlyContain(s => s.Steps.Count < 3 || s.ToString() != sequence.ToString(), "every candidate is smaller or simpler");
    }

    /// <summary>What a sequence tries, read from its steps.</summary>
    private static IEnumerable<string> Situations(Sequence sequence)
    {
        var created = new HashSet<(int, string)>();
        var deleted = new HashSet<(int, string)>();
        var spellings = new Dictionary<(int, string), HashSet<string>>();
        var grouped = new HashSet<(int, string)>();
        Step? previous = null;
        foreach (var outer in sequence.Steps)
        {
            if (outer == previous)
            {
                yield return "a repeated step";
            }

            previous = outer;
            if (outer.Org == 1)
            {
                yield return "the second organization";
            }

            if (outer.Kind == StepKind.Race)
            {
                yield return outer.First!.Kind == StepKind.Create && outer.Second!.Kind == StepKind.Create ? "a race of creations" : "a race of changes";
            }

            foreach (var step in outer.Kind == StepKind.Race ? [outer.First!, outer.Second!] : new[] { outer })
            {
                var key = (step.Org, step.UserKey);
                if (!spellings.TryGetValue(key, out var names))
                {
                    spellings[key] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                if (step.Kind < StepKind.CreateGroup || step.Kind is StepKind.AddMember or StepKind.RemoveMember)
                {
                    names.Add(step.UserName);
                    if (names.Count > 1)
                    {
                        yield return "two spellings of one member";
                    }

                    if (step.UserName.Any(c => c > 127))
                    {
                        yield return "a non-ASCII name";
                    }
                }

                switch (step.Kind)
                {
                    case StepKind.Create when deleted.Contains(key):
                        yield return "a re-creation after a DELETE";
                        break;
                    case StepKind.Create when created.Contains(key):
                        yield return "a re-POST of a member";
                        break;
                    case StepKind.Deactivate or StepKind.Reactivate:
                        yield return step.Form switch
                        {
                            Form.Entra => "Entra's string booleans",
                            Form.EntraFlagged => "Entra's flagged booleans",
                            Form.Wizard => "a wizard PUT",
                            _ => "Okta's path-less PATCH",
                        };
                        if (step.Kind == StepKind.Deactivate)
                        {
                            yield return "a deactivation";
                            if (grouped.Contains(key))
                            {
                                yield return "a deactivation of a member added to a group";
                            }
                        }

                        break;
                    case StepKind.Replace:
                        yield return "a replace";
                        break;
                    case StepKind.PatchAttributes:
                        yield return "an attribute patch";
                        break;
                    case StepKind.AddMember:
                        grouped.Add(key);
                        if (step.FromOtherOrg)
                        {
                            yield return "an add from the other organization";
                        }

                        break;
                    case StepKind.RemoveMember:
                        yield return "a member removed from a group";
                        break;
                    case StepKind.DeleteGroup:
                        yield return "a group deleted";
                        break;
                }

                if (step.Kind == StepKind.Create)
                {
                    created.Add(key);
                }

                if (step.Kind == StepKind.Delete)
                {
                    deleted.Add(key);
                }

                if (step.IfMatch == Precondition.Stale)
                {
                    yield return "a stale If-Match";
                }
                else if (step.IfMatch == Precondition.Current)
                {
                    yield return "a current If-Match";
                }
            }
        }
    }
}
