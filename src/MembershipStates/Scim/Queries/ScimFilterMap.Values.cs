using System.Linq.Expressions;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>The multi-valued side of the map: attributes whose values the entity keeps as a collection.</summary>
public sealed partial class ScimFilterMap<T>
{
    /// <summary>
    /// Returns a map that also maps the multi-valued attribute <paramref name="attributePath"/> to a collection of
    /// values the entity has, with <paramref name="mapValue"/> saying where each sub-attribute lives on one value.
    /// </summary>
    /// <typeparam name="TValue">The type of one value, such as a row of a child table.</typeparam>
    /// <param name="attributePath">
    /// A multi-valued attribute, such as <c>emails</c>, <c>addresses</c> or <c>groups</c>. Case and the core schema
    /// URN do not matter.
    /// </param>
    /// <param name="values">
    /// An expression reading the values, such as <c>u =&gt; u.Emails</c>, or for a child table
    /// <c>u =&gt; db.UserValues.Where(v =&gt; v.UserId == u.Id &amp;&amp; v.Attribute == "emails")</c>.
    /// </param>
    /// <param name="mapValue">
    /// Maps the sub-attributes of one value by their names, with <see cref="Map{TProperty}"/> and
    /// <see cref="MapNormalized"/>: <c>value =&gt; value.Map("type", v =&gt; v.Type).Map("primary", v =&gt; v.Primary)</c>;
    /// and, for <see cref="Order"/> to sort by the attribute, the values' order with <see cref="MapPosition"/>.
    /// </param>
    /// <returns>The new map.</returns>
    /// <remarks>
    /// <para>A comparison of a sub-attribute (<c>emails.value sw "a"</c>) or of the attribute itself (its
    /// <c>value</c>), <c>pr</c>, and a value path (<c>emails[type eq "work" and primary eq true].value sw "a"</c>)
    /// become <c>values.Any(v =&gt; ...)</c>: true when one value satisfies the whole comparison, its value filter
    /// included (RFC 7644 §3.4.2.2). On an <see cref="IQueryable{T}"/> collection that is
    /// <see cref="Queryable.Any{TSource}(IQueryable{TSource}, Expression{Func{TSource, bool}})"/>, which EF Core
    /// sends to the database as <c>EXISTS</c>. <c>emails pr</c> is true when a value has a mapped sub-attribute
    /// present. Sub-attributes are compared with the characteristics the schema gives them (<c>caseExact</c>,
    /// type), as the in-memory evaluator compares them.</para>
    /// <para>The values of a multi-valued simple attribute, such as an extension's list of strings, are mapped as
    /// <c>value</c> alone: <c>value =&gt; value.Map("value", v =&gt; v.Text)</c>. So is a single-valued simple
    /// attribute a host keeps as a row of a child table: the keyed overload then lets the database start from an
    /// index of the values.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or <paramref name="mapValue"/> returns <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="attributePath"/> is not an attribute name, names a single-valued complex attribute, or is
    /// already mapped (itself or a sub-attribute); or <paramref name="mapValue"/>
    /// maps a path that is not one sub-attribute name (only <c>value</c> for a simple attribute), normalizes a sub-attribute that is not a case-insensitive
    /// string, or maps nothing.
    /// </exception>
    public ScimFilterMap<T> MapValues<TValue>(string attributePath, Expression<Func<T, IEnumerable<TValue>>> values, Func<ScimFilterMap<TValue>, ScimFilterMap<TValue>> mapValue)
    {
        ArgumentNullException.ThrowIfNull(attributePath);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(mapValue);
        var (key, element) = ValuesKey(attributePath, mapValue);
        var mapping = FilterValuesMapping.For(values, element._map, element._mapped, element._position);
        return WithValues(key, values, mapping);
    }

    /// <summary>
    /// Returns a map that also maps the multi-valued attribute <paramref name="attributePath"/> to values kept apart
    /// from the entity, such as the rows of a child table, each naming its owner by <paramref name="valueKey"/>.
    /// </summary>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <typeparam name="TKey">The key that ties a value to its entity, such as the entity's id.</typeparam>
    /// <param name="attributePath">A multi-valued attribute, such as <c>emails</c>. Case and the core schema URN do not matter.</param>
    /// <param name="key">Reads the key from the entity, such as <c>u =&gt; u.Id</c>.</param>
    /// <param name="values">Every value of the attribute, such as <c>db.UserValues.Where(v =&gt; v.Attribute == "emails")</c>.</param>
    /// <param name="valueKey">Reads the owner's key from a value, such as <c>v =&gt; v.UserId</c>.</param>
    /// <param name="mapValue">Maps the sub-attributes of one value by their names, as for the other overload.</param>
    /// <returns>The new map.</returns>
    /// <remarks>
    /// <para>The same filters as <see cref="MapValues{TValue}(string, Expression{Func{T, IEnumerable{TValue}}}, Func{ScimFilterMap{TValue}, ScimFilterMap{TValue}})"/>,
    /// translated as <c>values.Where(predicate).Select(valueKey).Contains(key(entity))</c>: SQL's
    /// <c>key IN (SELECT owner FROM values WHERE ...)</c>. The subquery does not depend on the entity, so a
    /// database can answer <c>emails.value eq "x"</c> from an index on the values and then find the few owners by
    /// their key, where the correlated <c>EXISTS</c> of the other overload is run once per entity (SQLite never
    /// decorrelates it). A value's key must tie it to one entity only among those the predicate filters.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or <paramref name="mapValue"/> returns <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for the other overload.</exception>
    public ScimFilterMap<T> MapValues<TValue, TKey>(
        string attributePath,
        Expression<Func<T, TKey>> key,
        IQueryable<TValue> values,
        Expression<Func<TValue, TKey>> valueKey,
        Func<ScimFilterMap<TValue>, ScimFilterMap<TValue>> mapValue)
    {
        ArgumentNullException.ThrowIfNull(attributePath);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(valueKey);
        ArgumentNullException.ThrowIfNull(mapValue);
        var (path, element) = ValuesKey(attributePath, mapValue);
        var mapping = FilterValuesMapping.Keyed(key, values, valueKey, element._map, element._mapped, element._position);
        return WithValues(path, key, mapping);
    }

    /// <summary>Checks a multi-valued attribute's path and builds the map of its values' sub-attributes.</summary>
    private (AttributePath Key, ScimFilterMap<TValue> Element) ValuesKey<TValue>(string attributePath, Func<ScimFilterMap<TValue>, ScimFilterMap<TValue>> mapValue)
    {
        var key = NewKey(attributePath);
        var definition = Catalog.Resolve(key).Attribute;
        if (key.SubAttribute is not null || key.ValueFilter is not null || definition is { MultiValued: false, IsComplex: true })
        {
            throw new ArgumentException($"'{attributePath}' is not a multi-valued or simple attribute; map it with {nameof(Map)}.", nameof(attributePath));
        }

        if (_mapped.Any(mapped => mapped.Attribute().Equals(key)))
        {
            throw new ArgumentException($"'{key}' is already mapped through its sub-attributes.", nameof(attributePath));
        }

        var element = mapValue(new ScimFilterMap<TValue>()) ?? throw new ArgumentNullException(nameof(mapValue));
        if (element._mapped.IsEmpty || element._hasMember is not null)
        {
            throw new ArgumentException($"The values of '{key}' need at least one sub-attribute mapped, and no members.", nameof(mapValue));
        }

        // The values of a simple attribute (a list of strings, say, or one string kept as a row of a child table) have
        // no sub-attributes: each is its own "value", which is what a filter on the attribute compares (RFC 7644 §3.4.2.2).
        if (definition is { IsComplex: false } && !element._mapped.All(sub => sub.Equals(ValueKey)))
        {
            throw new ArgumentException($"'{key}' is a simple attribute; map each of its values as \"value\" only.", nameof(mapValue));
        }

        foreach (var sub in element._mapped)
        {
            var mapping = element._map[sub];
            var compared = definition is { IsComplex: false } ? definition : ScimAttributeCatalog.ResolveSubAttribute(definition, sub.Name).Target;
            if (sub.SchemaUrn is not null || sub.SubAttribute is not null || sub.ValueFilter is not null || mapping.Values is not null)
            {
                throw new ArgumentException($"'{sub}' is not the name of one sub-attribute of '{key}'.", nameof(mapValue));
            }

            if (mapping.Normalize is not null && compared is not null && (compared.CaseExact || compared.Type is not (ScimAttributeType.String or ScimAttributeType.Reference)))
            {
                throw new ArgumentException($"'{key}.{sub}' is not a case-insensitive string attribute, so it has nothing to normalize; map it with {nameof(Map)}.", nameof(mapValue));
            }
        }

        return (key, element);
    }

    private static readonly AttributePath ValueKey = new(null, "value", null, null);

    private ScimFilterMap<T> WithValues(AttributePath key, LambdaExpression property, FilterValuesMapping values) =>
        new(_map.Add(key, new FilterMapping(property, null, values)), _mapped.AddRange(values.Mapped.Select(sub => key.WithSubAttribute(sub.Name))), _hasMember, _position, _catalog);
}
