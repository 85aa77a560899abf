using System.Linq.Expressions;
using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// Answers a comparison of a Group's <c>members</c> with the host's membership test: <c>members eq "id"</c>,
/// <c>members.value eq "id"</c> and <c>members[value eq "id" or ...]</c>, the id read as a query parameter.
/// </summary>
/// <param name="hasMember">The membership test <c>(entity, userId) =&gt; bool</c>.</param>
/// <param name="entity">The predicate's parameter.</param>
/// <param name="errors">Where a comparison of <c>members</c> that cannot be answered is reported.</param>
internal sealed class MemberTranslation(LambdaExpression hasMember, ParameterExpression entity, TranslationErrors errors)
{
    /// <summary>
    /// Translates a node that compares <c>members</c>, or returns <see langword="null"/> when it does not name
    /// <c>members</c> (or has failed, and <see cref="TranslationErrors"/> says why).
    /// </summary>
    /// <param name="node">A node at the resource level.</param>
    /// <returns>The membership test.</returns>
    public Expression? Translate(FilterNode node)
    {
        var path = node switch
        {
            ComparisonNode comparison => comparison.Attribute,
            ValuePathNode valuePath => valuePath.Attribute,
            PresentNode present => present.Attribute,
            _ => null,
        };
        if (path is null || !IsMembers(path))
        {
            return null;
        }

        switch (node)
        {
            case ComparisonNode { Operator: ComparisonOperator.Equal } comparison
                when comparison.Value.TryGetText(out var userId)
                    && path.ValueFilter is null
                    && (path.SubAttribute is null || string.Equals(path.SubAttribute, "value", StringComparison.OrdinalIgnoreCase)):
                return HasMember(userId);
            case ValuePathNode when path is { SubAttribute: null, ValueFilter: { } filter } && MemberValues(filter.Root) is { } values:
                return values;
            default:
                return errors.Fail(FilterMessages.MembersNotTranslated(path));
        }
    }

    private static bool IsMembers(AttributePath path) =>
        string.Equals(path.Name, MappingKeys.MembersAttribute, StringComparison.OrdinalIgnoreCase)
        && (path.SchemaUrn is null || string.Equals(path.SchemaUrn, ScimSchemaIds.Group, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>value eq "x"</c> inside <c>members[...]</c>, joined by <c>or</c>: the membership tests, or <see langword="null"/>.</summary>
    private Expression? MemberValues(FilterNode node) => node switch
    {
        ComparisonNode { Operator: ComparisonOperator.Equal, Attribute: { SchemaUrn: null, SubAttribute: null, ValueFilter: null } attribute } comparison
            when comparison.Value.TryGetText(out var userId) && string.Equals(attribute.Name, "value", StringComparison.OrdinalIgnoreCase) =>
            HasMember(userId),
        LogicalNode { Operator: LogicalOperator.Or } or =>
            MemberValues(or.Left) is { } left && MemberValues(or.Right) is { } right ? Expression.OrElse(left, right) : null,
        _ => null,
    };

    /// <summary>The host's membership test for one user id, read from a closure so it becomes a query parameter.</summary>
    private Expression HasMember(string userId)
    {
        var body = new ParameterSwap(hasMember.Parameters[0], entity).Visit(hasMember.Body);
        return new ParameterSwap(hasMember.Parameters[1], QueryParameters.Of(userId)).Visit(body);
    }
}
