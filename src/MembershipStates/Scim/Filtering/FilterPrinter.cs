using System.Text;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Prints filters and paths in canonical form: lower-case operators and keywords, single spaces, JSON literals,
/// and parentheses only where precedence (<c>not</c> &gt; <c>and</c> &gt; <c>or</c>) or the tree's shape needs them.
/// </summary>
internal static class FilterPrinter
{
    /// <summary>Prints a filter.</summary>
    /// <param name="node">The filter.</param>
    /// <returns>The canonical text.</returns>
    public static string Print(FilterNode node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    /// <summary>Prints an attribute path.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The canonical text.</returns>
    public static string Print(AttributePath path)
    {
        var text = new StringBuilder();
        Append(text, path);
        return text.ToString();
    }

    /// <summary>Appends a filter.</summary>
    /// <param name="text">The builder.</param>
    /// <param name="node">The filter.</param>
    public static void Append(StringBuilder text, FilterNode node)
    {
        switch (node)
        {
            case LogicalNode logical:
                var precedence = Precedence(logical);
                AppendOperand(text, logical.Left, Precedence(logical.Left) < precedence);
                text.Append(logical.Operator == LogicalOperator.And ? " and " : " or ");
                AppendOperand(text, logical.Right, Precedence(logical.Right) <= precedence);
                break;
            case NotNode not:
                text.Append("not (");
                Append(text, not.Operand);
                text.Append(')');
                break;
            case ComparisonNode comparison:
                Append(text, comparison.Attribute);
                text.Append(' ').Append(comparison.Operator.Keyword()).Append(' ');
                comparison.Value.AppendTo(text);
                break;
            case PresentNode present:
                Append(text, present.Attribute);
                text.Append(" pr");
                break;
            case ValuePathNode valuePath:
                Append(text, valuePath.Attribute);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown filter node.");
        }
    }

    /// <summary>Appends an attribute path.</summary>
    /// <param name="text">The builder.</param>
    /// <param name="path">The path.</param>
    public static void Append(StringBuilder text, AttributePath path)
    {
        if (path.SchemaUrn is not null)
        {
            text.Append(path.SchemaUrn).Append(':');
        }

        text.Append(path.Name);
        if (path.ValueFilter is not null)
        {
            text.Append('[');
            Append(text, path.ValueFilter.Root);
            text.Append(']');
        }

        if (path.SubAttribute is not null)
        {
            text.Append('.').Append(path.SubAttribute);
        }
    }

    private static int Precedence(FilterNode node) => node switch
    {
        LogicalNode { Operator: LogicalOperator.Or } => 1,
        LogicalNode => 2,
        _ => 3,
    };

    private static void AppendOperand(StringBuilder text, FilterNode operand, bool parenthesize)
    {
        if (parenthesize)
        {
            text.Append('(');
            Append(text, operand);
            text.Append(')');
        }
        else
        {
            Append(text, operand);
        }
    }
}
