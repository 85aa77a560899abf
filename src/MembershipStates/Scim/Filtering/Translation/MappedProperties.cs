using System.Collections.Immutable;
using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>Finds where a host mapped an attribute, and reads it over the predicate's parameter.</summary>
/// <param name="map">The mapped paths (keys from <see cref="MappingKeys.Key"/>) and the properties that hold them.</param>
/// <param name="mapped">The mapped paths in the order they were mapped, for messages.</param>
/// <param name="entity">The predicate's parameter.</param>
internal sealed class MappedProperties(
    IReadOnlyDictionary<AttributePath, FilterMapping> map,
    ImmutableArray<AttributePath> mapped,
    ParameterExpression entity)
{
    /// <summary>Gets the mapped paths in the order they were mapped.</summary>
    public ImmutableArray<AttributePath> Mapped => mapped;

    /// <summary>Returns the values of the collection a resource-level path's attribute is mapped to, or <see langword="null"/>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="scope">Where it is named.</param>
    /// <returns>The collection's values mapping.</returns>
    public FilterValuesMapping? Collection(AttributePath path, TranslationScope scope) =>
        scope.Parent is null && map.TryGetValue(MappingKeys.Key(path.Attribute()), out var mapping) ? mapping.Values : null;

    /// <summary>Returns the property a path is mapped to in a scope, or <see langword="null"/>.</summary>
    /// <param name="path">The path; in a value's scope, a sub-attribute name.</param>
    /// <param name="scope">Where it is named.</param>
    /// <returns>The property.</returns>
    public MappedProperty? Lookup(AttributePath path, TranslationScope scope)
    {
        if (scope.IsCollectionValue)
        {
            return scope.Values.Elements.TryGetValue(new AttributePath(null, path.Name, null, null), out var element)
                ? new MappedProperty(new ParameterSwap(element.Property.Parameters[0], scope.Element).Visit(element.Property.Body), element.Normalize)
                : null;
        }

        var key = scope.Parent is null ? MappingKeys.Key(path) : scope.Parent.WithSubAttribute(path.Name);
        return map.TryGetValue(key, out var mapping) ? new MappedProperty(Body(mapping.Property), mapping.Normalize) : null;
    }

    /// <summary>Returns the properties of one collection value mapped to its sub-attributes, in the order they were mapped.</summary>
    /// <param name="scope">The value's scope.</param>
    /// <returns>The properties.</returns>
    public IEnumerable<Expression> ValueProperties(TranslationScope scope)
    {
        if (!scope.IsCollectionValue)
        {
            yield break;
        }

        foreach (var sub in scope.Values.Mapped)
        {
            if (Lookup(sub, scope) is { } property)
            {
                yield return property.Value;
            }
        }
    }

    /// <summary>Returns the properties mapped to sub-attributes of a complex attribute, such as <c>emails.value</c> and <c>emails.type</c>.</summary>
    /// <param name="path">The attribute.</param>
    /// <returns>The properties.</returns>
    public IEnumerable<Expression> SubAttributes(AttributePath path)
    {
        var attribute = MappingKeys.Key(path.Attribute());
        foreach (var key in mapped)
        {
            if (key.ValueFilter is null && key.SubAttribute is not null && attribute.Equals(key.Attribute()) && map.TryGetValue(key, out var mapping))
            {
                yield return Body(mapping.Property);
            }
        }
    }

    private Expression Body(LambdaExpression lambda) => new ParameterSwap(lambda.Parameters[0], entity).Visit(lambda.Body);
}
