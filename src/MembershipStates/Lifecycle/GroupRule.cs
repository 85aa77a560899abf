namespace MembershipStates;

/// <summary>One row of the rule "group membership follows the member": a change of the member's state and what it does to its group memberships.</summary>
/// <param name="From">The member's state before the decision.</param>
/// <param name="To">The member's state after it.</param>
/// <param name="Effect">What happens to its group memberships.</param>
/// <param name="Meaning">The rule in words, for the docs.</param>
internal readonly record struct GroupRule(MembershipState From, MembershipState To, GroupMembershipEffect Effect, string Meaning);
