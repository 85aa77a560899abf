namespace MembershipStates.Scim.Filtering;

/// <summary>The binary logical operators of a filter; <c>and</c> binds tighter than <c>or</c>.</summary>
internal enum LogicalOperator
{
    /// <summary><c>and</c>.</summary>
    And,

    /// <summary><c>or</c>.</summary>
    Or,
}
