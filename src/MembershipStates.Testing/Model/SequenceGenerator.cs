using FsCheck;
using FsCheck.Fluent;

namespace MembershipStates.Testing.Model;

/// <summary>
/// Generates request sequences that reach the interesting cases (members Inactive inside groups, repeats, re-POSTs,
/// re-creation after a DELETE, two spellings of a name, stale versions, races), and shrinks a failing one.
/// </summary>
internal static class SequenceGenerator
{
    // Creations weighted up, so that two creations of one userName race often.
    private static readonly Gen<StepKind> RaceKind = Gen.Frequency(
        (3, Gen.Constant(StepKind.Create)),
        (1, Gen.Constant(StepKind.Deactivate)),
        (1, Gen.Constant(StepKind.Reactivate)),
        (1, Gen.Constant(StepKind.PatchAttributes)),
        (1, Gen.Constant(StepKind.Delete)));

    public static Arbitrary<Sequence> Arbitrary(int maxSteps, bool groups) => Arb.From(Generator(maxSteps, groups), Shrink);

    public static Gen<Sequence> Generator(int maxSteps, bool groups) =>
        from opening in Opening(groups)
        from length in Gen.Choose(1, maxSteps)
        from raw in Gen.ArrayOf(Gen.Zip(Fresh(groups), Gen.Choose(0, 9)), length)
        select new Sequence([.. opening, .. Repeat(raw)]);

    /// <summary>Deactivation and creation weighted up so members spend time Inactive and meet re-POSTs; the second organization gets a few steps, to try crossing.</summary>
    private static Gen<Step> Fresh(bool groups)
    {
        var kinds = new List<(int, Gen<StepKind>)>
        {
            (5, Gen.Constant(StepKind.Create)),
            (5, Gen.Constant(StepKind.Deactivate)),
            (3, Gen.Constant(StepKind.Reactivate)),
            (2, Gen.Constant(StepKind.Replace)),
            (2, Gen.Constant(StepKind.PatchAttributes)),
            (2, Gen.Constant(StepKind.Delete)),
            (2, Gen.Constant(StepKind.Race)),
        };
        if (groups)
        {
            kinds.Add((2, Gen.Constant(StepKind.CreateGroup)));
            kinds.Add((4, Gen.Constant(StepKind.AddMember)));
            kinds.Add((2, Gen.Constant(StepKind.RemoveMember)));
            kinds.Add((1, Gen.Constant(StepKind.DeleteGroup)));
        }

        return from kind in Gen.Frequency(kinds.ToArray())
               from simple in Simple(kind)
               from race in RacePair(simple)
               select kind == StepKind.Race ? race : simple;
    }

    private static Gen<Step> Simple(StepKind kind) =>
        from org in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)))
        from user in Gen.Choose(0, Step.UserNames.Length - 1)
        from active in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from form in Gen.Elements(Form.Okta, Form.Entra, Form.EntraFlagged, Form.Wizard)
        from ifMatch in Gen.Frequency((6, Gen.Constant(Precondition.None)), (2, Gen.Constant(Precondition.Current)), (2, Gen.Constant(Precondition.Stale)))
        from value in Gen.Choose(0, Step.GivenNames.Length - 1)
        from groupIndex in Gen.Choose(0, Step.GroupNames.Length - 1)
        from otherOrg in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Step(kind, org, user, active, Normalize(kind, form), IfMatch(kind, ifMatch), value, groupIndex, kind == StepKind.AddMember && otherOrg);

    /// <summary>Two changes of one member, the first held between its decision and its commit while the second commits.</summary>
    private static Gen<Step> RacePair(Step template) =>
        from first in RaceKind
        from second in RaceKind
        from spelling in Gen.Elements(0, 1)
        from secondActive in Gen.Elements(true, false)
        from secondValue in Gen.Choose(0, Step.GivenNames.Length - 1)
        let user = template.User / 2 * 2
        select template with
        {
            Kind = StepKind.Race,
            User = user,
            First = template with { Kind = first, User = user, Form = Form.Okta, IfMatch = Precondition.None },
            Second = template with { Kind = second, User = Math.Min(user + spelling, Step.UserNames.Length - 1), Form = Form.Entra, IfMatch = Precondition.None, Active = secondActive, Value = secondValue },
        };

    /// <summary>Most sequences open with two members and, with groups, a group holding them, so that later steps meet members inside groups.</summary>
    private static Gen<Step[]> Opening(bool groups) =>
        from opens in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from second in Gen.Elements(2, 4)
        from entra in Gen.Elements(Form.Okta, Form.Entra)
        select Open(opens, second, entra, groups);

    private static Step[] Open(bool opens, int second, Form entra, bool groups) =>
        !opens
            ? []
            : groups
                ? [Create(0, entra), Create(second, Form.Okta), Group(StepKind.CreateGroup, 0, 0), Group(StepKind.AddMember, 0, 1), Group(StepKind.AddMember, second, 0)]
                : [Create(0, entra), Create(second, Form.Okta)];

    private static Step Create(int user, Form form) => new(StepKind.Create, 0, user, true, form, Precondition.None, 0, 0, false);

    private static Step Group(StepKind kind, int user, int group) => new(kind, 0, user, true, Form.Okta, Precondition.None, 0, group, false);

    // Forms only where a provider has them: creations and groups are Okta's or Entra's; Replace is Okta's PUT.
    private static Form Normalize(StepKind kind, Form form) => kind switch
    {
        StepKind.Deactivate or StepKind.Reactivate => form,
        StepKind.Create or StepKind.CreateGroup or StepKind.AddMember or StepKind.RemoveMember => form is Form.Entra or Form.EntraFlagged ? Form.Entra : Form.Okta,
        StepKind.PatchAttributes => Form.Entra,
        _ => Form.Okta,
    };

    private static Precondition IfMatch(StepKind kind, Precondition ifMatch) =>
        kind is StepKind.Deactivate or StepKind.Reactivate or StepKind.Replace or StepKind.PatchAttributes or StepKind.Delete ? ifMatch : Precondition.None;

    // A step repeats its predecessor often, to exercise idempotence (deactivating twice, adding a member twice).
    private static Step[] Repeat((Step Step, int Roll)[] raw)
    {
        var result = new Step[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            result[i] = i > 0 && raw[i].Roll < 2 ? result[i - 1] : raw[i].Step;
        }

        return result;
    }

    /// <summary>
    /// Shrinks by dropping halves, then single steps, then simplifying one step (a race to one of its requests, a
    /// provider's form to Okta's, no If-Match, the first organization, active, a member of this organization).
    /// </summary>
    public static IEnumerable<Sequence> Shrink(Sequence sequence)
    {
        var steps = sequence.Steps;
        if (steps.Count > 1)
        {
            yield return new Sequence([.. steps.Take(steps.Count / 2)]);
            yield return new Sequence([.. steps.Skip(steps.Count / 2)]);
            for (var i = 0; i < steps.Count; i++)
            {
                yield return new Sequence([.. steps.Where((_, j) => j != i)]);
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var simpler in Simpler(steps[i]))
            {
                var copy = steps.ToArray();
                copy[i] = simpler;
                yield return new Sequence(copy);
            }
        }
    }

    private static IEnumerable<Step> Simpler(Step step)
    {
        if (step.Kind == StepKind.Race)
        {
            yield return step.First! with { Org = step.Org };
            yield return step.Second! with { Org = step.Org };
            yield break;
        }

        var candidates = new[]
        {
            step with { Form = Normalize(step.Kind, Form.Okta) },
            step with { IfMatch = Precondition.None },
            step with { Org = 0 },
            step with { Active = true },
            step with { FromOtherOrg = false },
            step with { User = step.User / 2 * 2 },
        };
        foreach (var candidate in candidates.Where(c => c.ToString() != step.ToString()).DistinctBy(c => c.ToString()))
        {
            yield return candidate;
        }
    }
}
