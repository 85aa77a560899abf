using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// What attribute names refer to while a filter is translated: the entity, the one value of a complex attribute it
/// holds, or one value of a collection it has.
/// </summary>
/// <param name="Parent">The complex attribute (as a mapping key) whose value filter is translated, or <see langword="null"/>.</param>
/// <param name="ParentDefinition">Its definition, when known.</param>
/// <param name="ValuePath">The path being translated, named in messages, or <see langword="null"/>.</param>
/// <param name="Element">The parameter of the <c>Any</c> predicate, one value of a collection; or <see langword="null"/>.</param>
/// <param name="Values">Where the sub-attributes live on that value; or <see langword="null"/>.</param>
internal sealed record TranslationScope(
    AttributePath? Parent,
    ScimAttributeDefinition? ParentDefinition,
    AttributePath? ValuePath,
    ParameterExpression? Element = null,
    FilterValuesMapping? Values = null)
{
    /// <summary>Gets the scope of the entity itself.</summary>
    public static TranslationScope Resource { get; } = new(null, null, null);

    /// <summary>Gets a value indicating whether names refer to one value of a collection, <see cref="Element"/>.</summary>
    [MemberNotNullWhen(true, nameof(Element), nameof(Values))]
    public bool IsCollectionValue => Element is not null && Values is not null;
}

/// <summary>A mapped property read from the predicate's parameter, and the host's normalizer of what it holds.</summary>
/// <param name="Value">The expression reading the property.</param>
/// <param name="Normalize">The normalizer, or <see langword="null"/> when the property holds values as sent.</param>
internal readonly record struct MappedProperty(Expression Value, Func<string, string>? Normalize);
