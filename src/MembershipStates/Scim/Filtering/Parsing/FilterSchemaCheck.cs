using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>
/// The semantic pass of parsing: one walk over the attributes a parse read, in the order it read them, checking
/// each against the attribute catalog with <see cref="FilterSemantics"/> — value filters only on complex
/// attributes, operators and values that suit the attribute's type, and (for a server that serves declared schemas
/// only) declared, readable attributes.
/// </summary>
/// <remarks>
/// The walk covers what was read before a syntax error too, so a problem early in the text is reported before a
/// malformed part after it, exactly as when parsing stopped at the first problem of either kind.
/// </remarks>
internal static class FilterSchemaCheck
{
    /// <summary>Returns the first problem among <paramref name="uses"/>.</summary>
    /// <param name="uses">The attributes read, in order.</param>
    /// <param name="catalog">The attributes the filter is checked against.</param>
    /// <param name="declaredOnly">Whether every attribute must be declared by <paramref name="catalog"/> and readable.</param>
    /// <returns>The problem, or <see langword="null"/> when every use agrees with the catalog.</returns>
    public static TextError? FirstError(IEnumerable<AttributeUse> uses, ScimAttributeCatalog catalog, bool declaredOnly)
    {
        foreach (var use in uses)
        {
            if (Check(use, catalog, declaredOnly) is { } message)
            {
                return new TextError(use.Position, message);
            }
        }

        return null;
    }

    private static string? Check(AttributeUse use, ScimAttributeCatalog catalog, bool declaredOnly) => use switch
    {
        ValueFilterUse => FilterSemantics.CheckValueFilterParent(use.Path, catalog.Resolve(use.Path).Attribute),
        TermUse when declaredOnly => FilterSemantics.CheckDeclared(use.Path, Resolve(use, catalog), use.Parent, catalog),
        ComparisonUse comparison => FilterSemantics.CheckComparison(comparison.Path, Resolve(use, catalog).Target, comparison.Operator, comparison.Value),
        _ => null,
    };

    /// <summary>What the catalog knows of a use's path: at the resource level, or as a sub-attribute of its parent.</summary>
    private static ScimAttributeResolution Resolve(AttributeUse use, ScimAttributeCatalog catalog) =>
        use.Parent is null
            ? catalog.Resolve(use.Path)
            : ScimAttributeCatalog.ResolveSubAttribute(catalog.Resolve(use.Parent).Attribute, use.Path.Name);
}
