namespace MembershipStates;

/// <summary>One cell of the lifecycle table: what a trigger does in a state, before versions and attributes are considered, and what that does to the member's group memberships.</summary>
internal readonly record struct DecisionCell(MembershipOutcome Outcome, MembershipState Next, GroupMembershipEffect GroupEffect);
