using System.Linq.Expressions;
using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// Compares one mapped property with a filter's value, by the property's type: strings through
/// <see cref="StringComparisons"/>, numbers through <see cref="NumberComparisons"/>, Booleans, dates and Guids here.
/// A value the property's type cannot be compared with fails the translation.
/// </summary>
internal static class PropertyComparison
{
    /// <summary>Compares a mapped property.</summary>
    /// <param name="path">The compared path, for messages.</param>
    /// <param name="mapped">The property.</param>
    /// <param name="attribute">The compared attribute's definition (its <c>caseExact</c>), or <see langword="null"/> when unknown.</param>
    /// <param name="op">The operator.</param>
    /// <param name="operand">The operator value, not <c>null</c>.</param>
    /// <param name="errors">Where a comparison the property's type does not support is reported.</param>
    /// <returns>The comparison, or <see langword="null"/> when it failed.</returns>
    public static Expression? Compare(
        AttributePath path, MappedProperty mapped, ScimAttributeDefinition? attribute, ComparisonOperator op, FilterValue operand, TranslationErrors errors)
    {
        var property = mapped.Value;
        var type = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        if (type == typeof(string))
        {
            if (!operand.TryGetText(out var text))
            {
                return errors.Fail(FilterMessages.MappedString(path));
            }

            return mapped.Normalize is { } normalize
                ? StringComparisons.Compare(property, op, StringComparisons.Normalized(path, normalize, text), fold: false, ordinal: true)
                : StringComparisons.Compare(property, op, text, fold: !(attribute?.CaseExact ?? false), ordinal: false);
        }

        if (type == typeof(bool))
        {
            return operand.Kind == FilterValueKind.Boolean && op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                ? ValueGuards.Guarded(property, value => op == ComparisonOperator.Equal
                    ? Expression.Equal(value, Expression.Constant(operand.Boolean))
                    : Expression.NotEqual(value, Expression.Constant(operand.Boolean)))
                : errors.Fail(FilterMessages.MappedBoolean(path));
        }

        if (MappableTypes.IsNumber(type))
        {
            return operand.Kind == FilterValueKind.Number && !op.IsSubstring()
                ? NumberComparisons.Compare(property, type, op, operand.Number)
                : errors.Fail(FilterMessages.MappedNumber(path));
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            if (operand.Kind != FilterValueKind.String || op.IsSubstring() || !ScimDateTime.TryParse(operand.Text, out var instant))
            {
                return errors.Fail(FilterMessages.MappedDate(path));
            }

            var constant = type == typeof(DateTime) ? QueryParameters.Of(instant.UtcDateTime) : QueryParameters.Of(instant);
            return ValueGuards.Guarded(property, value => OrderedComparison.Make(op, value, constant));
        }

        if (type == typeof(Guid))
        {
            if (operand.Kind != FilterValueKind.String || op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            {
                return errors.Fail(FilterMessages.MappedGuid(path));
            }

            return Guid.TryParse(operand.Text, out var guid)
                ? ValueGuards.Guarded(property, value => OrderedComparison.Make(op, value, QueryParameters.Of(guid)))
                : op == ComparisonOperator.Equal ? ValueGuards.False : ValueGuards.NotNull(property);
        }

        return errors.Fail(FilterMessages.MappedOther(path, property.Type.Name));
    }
}
