using System.Globalization;

namespace MembershipStates.Testing.Model;

/// <summary>A generated sequence of steps, run against fresh organizations.</summary>
internal sealed record Sequence(IReadOnlyList<Step> Steps)
{
    public override string ToString() =>
        string.Join("\n", Steps.Select((step, i) => string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {step}")));
}
