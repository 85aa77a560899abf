using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Filtering.Translation;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Translates a filter into a predicate over a host's entity, given where each SCIM attribute lives on it: the walk
/// over the tree, which decides for each attribute expression where its attribute is mapped and hands the
/// comparison to the type that builds it.
/// </summary>
/// <remarks>
/// <para>The predicate uses only what EF Core translates to SQL (its SQLite provider included): <c>==</c>,
/// <c>!=</c>, null checks, <see cref="string.ToUpper()"/>, <see cref="string.Contains(string)"/>,
/// <see cref="string.Length"/>, <see cref="string.Substring(int, int)"/>, string concatenation, comparison nodes,
/// and <c>Any</c> over the collections of multi-valued attributes. Operator values are read from closures, so they
/// become SQL parameters (<see cref="QueryParameters"/>).</para>
/// <para>Every comparison first checks its property for null (<see cref="ValueGuards"/>), so the predicate behaves
/// the same compiled in memory as in SQL: a missing value matches neither <c>eq</c> nor <c>ne</c>, exactly as in the
/// JSON evaluator.</para>
/// <para>An attribute mapped to a collection (<c>ScimFilterMap.MapValues</c>) is compared as
/// <c>values.Any(v =&gt; filter(v) &amp;&amp; test(v))</c> (<see cref="ValuePathTranslation"/>). Otherwise a value
/// path such as <c>emails[type eq "work"].value</c> uses the property mapped to that exact path if there is one, or
/// its value filter is translated over the properties mapped to the sub-attributes (<c>emails.type</c>,
/// <c>emails.value</c>), treating them as the one value the entity holds. <c>members</c> goes to the host's
/// membership test (<see cref="MemberTranslation"/>).</para>
/// </remarks>
internal sealed class LinqFilterTranslator
{
    private readonly ScimAttributeCatalog _catalog;
    private readonly MappedProperties _properties;
    private readonly MemberTranslation? _members;
    private readonly ValuePathTranslation _valuePaths;
    private readonly TranslationErrors _errors = new();

    private LinqFilterTranslator(
        ScimAttributeCatalog catalog,
        IReadOnlyDictionary<AttributePath, FilterMapping> map,
        ImmutableArray<AttributePath> mapped,
        LambdaExpression? hasMember,
        ParameterExpression parameter)
    {
        _catalog = catalog;
        _properties = new MappedProperties(map, mapped, parameter);
        _members = hasMember is null ? null : new MemberTranslation(hasMember, parameter, _errors);
        _valuePaths = new ValuePathTranslation(catalog, parameter, Translate);
    }

    /// <summary>Translates a filter into the body of a predicate over <paramref name="parameter"/>.</summary>
    /// <param name="root">The filter.</param>
    /// <param name="catalog">The attributes whose characteristics (<c>caseExact</c>, type) the comparisons honour.</param>
    /// <param name="map">The mapped paths (keys from <see cref="MappingKeys.Key"/>) and the properties that hold them.</param>
    /// <param name="mapped">The mapped paths in the order they were mapped, for messages.</param>
    /// <param name="hasMember">The membership test <c>(entity, userId) =&gt; bool</c> that answers <c>members</c>, or <see langword="null"/>.</param>
    /// <param name="parameter">The predicate's parameter, the entity.</param>
    /// <param name="body">The predicate's body, when the filter translates.</param>
    /// <param name="error">Why it does not.</param>
    /// <returns><see langword="true"/> when translated.</returns>
    public static bool TryTranslate(
        FilterNode root,
        ScimAttributeCatalog catalog,
        IReadOnlyDictionary<AttributePath, FilterMapping> map,
        ImmutableArray<AttributePath> mapped,
        LambdaExpression? hasMember,
        ParameterExpression parameter,
        [NotNullWhen(true)] out Expression? body,
        [NotNullWhen(false)] out FilterError? error)
    {
        var translator = new LinqFilterTranslator(catalog, map, mapped, hasMember, parameter);
        body = translator.Translate(root, TranslationScope.Resource);
        error = translator._errors.Error;
        if (body is null || error is not null)
        {
            body = null;
            error ??= new FilterError(ScimErrorTypes.InvalidFilter, FilterMessages.NotTranslated, null);
            return false;
        }

        return true;
    }

    private Expression? Translate(FilterNode node, TranslationScope scope)
    {
        if (_members is not null && scope.Parent is null && _members.Translate(node) is { } members)
        {
            return members;
        }

        switch (node)
        {
            case LogicalNode logical:
                var left = Translate(logical.Left, scope);
                var right = left is null ? null : Translate(logical.Right, scope);
                return left is null || right is null
                    ? null
                    : logical.Operator == LogicalOperator.And ? Expression.AndAlso(left, right) : Expression.OrElse(left, right);
            case NotNode not:
                return Translate(not.Operand, scope) is { } operand ? Expression.Not(operand) : null;
            case PresentNode present:
                return Present(present.Attribute, scope);
            case ComparisonNode comparison:
                return Compare(comparison, scope);
            case ValuePathNode valuePath:
                return ValuePathExists(valuePath.Attribute);
            default:
                return _errors.Fail(FilterMessages.NodeNotTranslated(node.GetType().Name));
        }
    }

    private Expression? Present(AttributePath path, TranslationScope scope)
    {
        if (_properties.Collection(path, scope) is { } values)
        {
            return _valuePaths.AnyValue(path, values, element =>
            {
                var present = path.SubAttribute is not null
                    ? Present(new AttributePath(null, path.SubAttribute, null, null), element)
                    : _properties.ValueProperties(element).Select(ValueGuards.IsPresent).Aggregate(Expression.OrElse);
                return _valuePaths.WithValueFilter(path, element, present);
            });
        }

        if (_properties.Lookup(path, scope) is { } mapped)
        {
            return ValueGuards.IsPresent(mapped.Value);
        }

        if (scope.Parent is null && path.ValueFilter is { } valueFilter)
        {
            var filter = _valuePaths.ValueFilter(path, valueFilter);
            var sub = filter is null ? null : _properties.Lookup(path.Attribute().WithSubAttribute(path.SubAttribute), scope);
            return filter is null ? null : sub is { } found ? Expression.AndAlso(filter, ValueGuards.IsPresent(found.Value)) : Unmapped(path, scope);
        }

        if (scope.Parent is null && path.SubAttribute is null && _catalog.Resolve(path).Attribute is { IsComplex: true })
        {
            var parts = _properties.SubAttributes(path).Select(ValueGuards.IsPresent).ToList();
            return parts.Count == 0 ? Unmapped(path, scope) : parts.Aggregate(Expression.OrElse);
        }

        return Unmapped(path, scope);
    }

    private Expression? ValuePathExists(AttributePath path)
    {
        var scope = TranslationScope.Resource;
        if (_properties.Collection(path, scope) is { } values)
        {
            return _valuePaths.AnyValue(path, values, element =>
                _valuePaths.WithValueFilter(path, element, path.SubAttribute is null
                    ? ValueGuards.True
                    : _properties.Lookup(new AttributePath(null, path.SubAttribute, null, null), element) is { } sub ? ValueGuards.NotNull(sub.Value) : Unmapped(path, element)));
        }

        if (_properties.Lookup(path, scope) is { } mapped)
        {
            return ValueGuards.NotNull(mapped.Value);
        }

        if (_properties.Lookup(path.WithSubAttribute("value"), scope) is { } value)
        {
            return ValueGuards.NotNull(value.Value);
        }

        if (path.ValueFilter is not { } valueFilter || _valuePaths.ValueFilter(path, valueFilter) is not { } filter)
        {
            return null;
        }

        var exists = _properties.SubAttributes(path).Select(ValueGuards.NotNull).ToList();
        return exists.Count == 0 ? Unmapped(path, scope) : Expression.AndAlso(exists.Aggregate(Expression.OrElse), filter);
    }

    private Expression? Compare(ComparisonNode comparison, TranslationScope scope)
    {
        var (path, op, operand) = (comparison.Attribute, comparison.Operator, comparison.Value);
        var target = scope.Parent is null
            ? _catalog.Resolve(path).Target
            : ScimAttributeCatalog.ResolveSubAttribute(scope.ParentDefinition, path.Name).Target;
        if (FilterSemantics.CheckComparison(path, target, op, operand) is { } problem)
        {
            return _errors.Fail(problem);
        }

        if (operand.Kind == FilterValueKind.Null)
        {
            var present = Present(path, scope);
            return present is null ? null : op == ComparisonOperator.Equal ? Expression.Not(present) : present;
        }

        var compared = target is null ? null : FilterSemantics.ComparedAttribute(target);
        Expression? CompareWith(MappedProperty property) => PropertyComparison.Compare(path, property, compared, op, operand, _errors);

        if (_properties.Collection(path, scope) is { } values)
        {
            var sub = new AttributePath(null, path.SubAttribute ?? "value", null, null);
            return _valuePaths.AnyValue(path, values, element => _valuePaths.WithValueFilter(
                path,
                element,
                _properties.Lookup(sub, element) is { } value ? CompareWith(value) : Unmapped(path, element)));
        }

        if (_properties.Lookup(path, scope) is { } mapped)
        {
            return CompareWith(mapped);
        }

        if (scope.Parent is null && path.ValueFilter is { } valueFilter)
        {
            if (_valuePaths.ValueFilter(path, valueFilter) is not { } filter)
            {
                return null;
            }

            return _properties.Lookup(path.Attribute().WithSubAttribute(path.SubAttribute), scope) is { } sub
                ? CompareWith(sub) is { } test ? Expression.AndAlso(filter, test) : null
                : Unmapped(path, scope);
        }

        if (scope.Parent is null && target is { IsComplex: true } && path.SubAttribute is null && _properties.Lookup(path.WithSubAttribute("value"), scope) is { } value)
        {
            return CompareWith(value);
        }

        return Unmapped(path, scope);
    }

    private Expression? Unmapped(AttributePath path, TranslationScope scope)
    {
        var supported = _properties.Mapped.IsEmpty ? "none" : string.Join(", ", _properties.Mapped);
        return _errors.Fail(FilterMessages.Unmapped(scope.ValuePath ?? path, supported));
    }
}
