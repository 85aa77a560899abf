using System.Linq.Expressions;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// The value filters of value paths (<c>emails[type eq "work"]</c>) and the values of multi-valued attributes:
/// <c>values.Any(v =&gt; filter(v) &amp;&amp; test(v))</c> over a mapped collection, so that the value filter and the
/// comparison apply to the same value; or the value filter over the properties mapped to the sub-attributes.
/// </summary>
/// <param name="catalog">The attributes whose definitions scope a value filter.</param>
/// <param name="entity">The predicate's parameter.</param>
/// <param name="translate">Translates a value filter in a scope, the way the whole filter is translated.</param>
internal sealed class ValuePathTranslation(
    ScimAttributeCatalog catalog,
    ParameterExpression entity,
    Func<FilterNode, TranslationScope, Expression?> translate)
{
    /// <summary><c>values.Any(v =&gt; test(v))</c>, with <c>test</c> translated over one value of the collection.</summary>
    /// <param name="path">The path, whose attribute the collection holds.</param>
    /// <param name="values">The collection's values mapping.</param>
    /// <param name="test">Translates the test in the scope of one value.</param>
    /// <returns>The test, or <see langword="null"/> when it failed.</returns>
    public Expression? AnyValue(AttributePath path, FilterValuesMapping values, Func<TranslationScope, Expression?> test)
    {
        var element = Expression.Parameter(values.ElementType, "value");
        var attribute = path.Attribute();
        var body = test(new TranslationScope(MappingKeys.Key(attribute), catalog.Resolve(attribute).Attribute, path, element, values));
        return body is null ? null : values.Any(entity, element, body);
    }

    /// <summary>A test of one value, preceded by the path's value filter (<c>emails[type eq "work"]</c>) when it has one.</summary>
    /// <param name="path">The path.</param>
    /// <param name="element">The value's scope.</param>
    /// <param name="test">The test, or <see langword="null"/> when it failed.</param>
    /// <returns>The filtered test, or <see langword="null"/>.</returns>
    public Expression? WithValueFilter(AttributePath path, TranslationScope element, Expression? test)
    {
        if (test is null || path.ValueFilter is null)
        {
            return test;
        }

        var filter = translate(path.ValueFilter.Root, element);
        return filter is null ? null : test == ValueGuards.True ? filter : Expression.AndAlso(filter, test);
    }

    /// <summary>Translates the value filter of a value path over the properties mapped to its sub-attributes.</summary>
    /// <param name="path">The path, with a value filter.</param>
    /// <param name="filter">The value filter.</param>
    /// <returns>The filter, or <see langword="null"/> when it failed.</returns>
    public Expression? ValueFilter(AttributePath path, ScimFilter filter)
    {
        var attribute = path.Attribute();
        return translate(filter.Root, new TranslationScope(MappingKeys.Key(attribute), catalog.Resolve(attribute).Attribute, path));
    }
}
