namespace MembershipStates;

/// <summary>One cell of the lifecycle table: what a trigger does in a state, before versions and attributes are considered.</summary>
internal readonly record struct DecisionCell(MembershipOutcome Outcome, MembershipState Next);
