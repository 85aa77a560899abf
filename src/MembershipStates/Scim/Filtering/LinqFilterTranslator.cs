using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Translates a filter into a predicate over a host's entity, given where each SCIM attribute lives on it.
/// </summary>
/// <remarks>
/// <para>The predicate uses only what EF Core translates to SQL (its SQLite provider included): <c>==</c>,
/// <c>!=</c>, null checks, <see cref="string.ToUpper()"/>, <see cref="string.Contains(string)"/>,
/// <see cref="string.Length"/>, <see cref="string.Substring(int, int)"/>, string concatenation, comparison nodes,
/// and <c>Any</c> over the collections of multi-valued attributes. Operator values are read from closures, so they
/// become SQL parameters.</para>
/// <para>Every comparison first checks its property for null, so the predicate behaves the same compiled in memory
/// as in SQL: a missing value matches neither <c>eq</c> nor <c>ne</c>, exactly as in the JSON evaluator.</para>
/// <para>An attribute mapped to a collection (<c>ScimFilterMap.MapValues</c>) is compared as
/// <c>values.Any(v =&gt; filter(v) &amp;&amp; test(v))</c>: the value filter of a value path and the comparison
/// apply to the same value. Otherwise a value path such as <c>emails[type eq "work"].value</c> uses the property
/// mapped to that exact path if there is one, or its value filter is translated over the properties mapped to the
/// sub-attributes (<c>emails.type</c>, <c>emails.value</c>), treating them as the one value the entity holds.</para>
/// <para>A string property mapped with its normalizer (<see cref="ScimFilterMap{T}.MapNormalized"/>) is compared
/// as it is, with the operator value normalized: no <see cref="string.ToUpper()"/> on the column, and <c>sw</c> as a
/// range of the column's ordinal order, which an index serves.</para>
/// </remarks>
internal sealed class LinqFilterTranslator
{
    private static readonly MethodInfo ToUpperMethod = typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!;
    private static readonly MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo SubstringFromMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo SubstringMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly PropertyInfo LengthProperty = typeof(string).GetProperty(nameof(string.Length))!;
    private static readonly Expression NullString = Expression.Constant(null, typeof(string));
    private static readonly Expression EmptyString = Expression.Constant(string.Empty, typeof(string));
    private static readonly Expression True = Expression.Constant(true);
    private static readonly Expression False = Expression.Constant(false);

    /// <summary>The Group attribute a membership test answers.</summary>
    internal const string MembersAttribute = "members";

    private readonly ScimAttributeCatalog _catalog;
    private readonly IReadOnlyDictionary<AttributePath, FilterMapping> _map;
    private readonly ImmutableArray<AttributePath> _mapped;
    private readonly LambdaExpression? _hasMember;
    private readonly ParameterExpression _parameter;
    private ScimFilterError? _error;

    private LinqFilterTranslator(
        ScimAttributeCatalog catalog,
        IReadOnlyDictionary<AttributePath, FilterMapping> map,
        ImmutableArray<AttributePath> mapped,
        LambdaExpression? hasMember,
        ParameterExpression parameter)
    {
        _catalog = catalog;
        _map = map;
        _mapped = mapped;
        _hasMember = hasMember;
        _parameter = parameter;
    }

    /// <summary>Gets the path <c>members</c>, as a mapping key.</summary>
    internal static AttributePath MembersPath { get; } = new(null, MembersAttribute, null, null);

    /// <summary>Returns the types a SCIM attribute can be mapped to, nullable forms included.</summary>
    /// <param name="type">The property type.</param>
    /// <returns><see langword="true"/> when filters can compare a property of that type.</returns>
    public static bool IsSupported(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || IsNumber(underlying)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid);
    }

    /// <summary>Returns the key a path is mapped under: the path without the core schema URN.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The key.</returns>
    public static AttributePath Key(AttributePath path) =>
        path.SchemaUrn is not null && ScimAttributeCatalog.Default.IsResourceSchema(path.SchemaUrn)
            ? new AttributePath(null, path.Name, path.ValueFilter, path.SubAttribute)
            : path;

    /// <summary>Translates a filter into the body of a predicate over <paramref name="parameter"/>.</summary>
    /// <param name="root">The filter.</param>
    /// <param name="catalog">The attributes whose characteristics (<c>caseExact</c>, type) the comparisons honour.</param>
    /// <param name="map">The mapped paths (keys from <see cref="Key"/>) and the properties that hold them.</param>
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
        [NotNullWhen(false)] out ScimFilterError? error)
    {
        var translator = new LinqFilterTranslator(catalog, map, mapped, hasMember, parameter);
        body = translator.Translate(root, Scope.Resource);
        error = translator._error;
        if (body is null || error is not null)
        {
            body = null;
            error ??= new ScimFilterError(ScimFilterError.InvalidFilter, "The filter could not be translated.", null);
            return false;
        }

        return true;
    }

    private Expression? Translate(FilterNode node, Scope scope)
    {
        if (_hasMember is not null && scope.Parent is null && Members(node) is { } members)
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
                return Fail($"Filters of kind {node.GetType().Name} cannot be translated.");
        }
    }

    /// <summary>
    /// Answers a comparison of a Group's <c>members</c> with the host's membership test, or returns
    /// <see langword="null"/> when the node does not name <c>members</c> (or has failed).
    /// </summary>
    private Expression? Members(FilterNode node)
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

        const string Supported = "members are compared by their value only: members eq \"id\", members.value eq \"id\" or members[value eq \"id\"]";
        switch (node)
        {
            case ComparisonNode { Operator: ComparisonOperator.Equal, Value.Kind: FilterValueKind.String } comparison
                when path.ValueFilter is null && (path.SubAttribute is null || string.Equals(path.SubAttribute, "value", StringComparison.OrdinalIgnoreCase)):
                return HasMember(comparison.Value.Text!);
            case ValuePathNode when path.SubAttribute is null && MemberValues(path.ValueFilter!.Root) is { } values:
                return values;
            default:
                return Fail($"'{path}' cannot be translated: {Supported}.");
        }
    }

    /// <summary><c>value eq "x"</c> inside <c>members[...]</c>, joined by <c>or</c>: the membership tests, or <see langword="null"/>.</summary>
    private Expression? MemberValues(FilterNode node) => node switch
    {
        ComparisonNode { Operator: ComparisonOperator.Equal, Value.Kind: FilterValueKind.String } comparison
            when comparison.Attribute is { SchemaUrn: null, SubAttribute: null, ValueFilter: null }
                && string.Equals(comparison.Attribute.Name, "value", StringComparison.OrdinalIgnoreCase) =>
            HasMember(comparison.Value.Text!),
        LogicalNode { Operator: LogicalOperator.Or } or =>
            MemberValues(or.Left) is { } left && MemberValues(or.Right) is { } right ? Expression.OrElse(left, right) : null,
        _ => null,
    };

    private static bool IsMembers(AttributePath path) =>
        string.Equals(path.Name, MembersAttribute, StringComparison.OrdinalIgnoreCase)
        && (path.SchemaUrn is null || string.Equals(path.SchemaUrn, ScimSchemaIds.Group, StringComparison.OrdinalIgnoreCase));

    /// <summary>The host's membership test for one user id, read from a closure so it becomes a query parameter.</summary>
    private Expression HasMember(string userId)
    {
        var lambda = _hasMember!;
        var body = new ParameterReplacer(lambda.Parameters[0], _parameter).Visit(lambda.Body);
        return new ParameterReplacer(lambda.Parameters[1], Parameter(userId)).Visit(body);
    }

    private Expression? Present(AttributePath path, Scope scope)
    {
        if (Collection(path, scope) is { } collection)
        {
            return AnyValue(path, collection, element =>
            {
                var values = element.Values!;
                var present = path.SubAttribute is not null
                    ? Present(new AttributePath(null, path.SubAttribute, null, null), element)
                    : values.Mapped.Select(sub => IsPresent(Lookup(sub, element)!.Value.Value)).Aggregate(Expression.OrElse);
                return WithValueFilter(path, element, present);
            });
        }

        if (Lookup(path, scope) is { } mapped)
        {
            return IsPresent(mapped.Value);
        }

        if (scope.Parent is null && path.ValueFilter is not null)
        {
            var filter = ValueFilter(path);
            var sub = filter is null ? null : Lookup(path.Attribute().WithSubAttribute(path.SubAttribute), scope);
            return filter is null ? null : sub is { } found ? Expression.AndAlso(filter, IsPresent(found.Value)) : Unmapped(path, scope);
        }

        if (scope.Parent is null && path.SubAttribute is null && _catalog.Resolve(path).Attribute is { IsComplex: true })
        {
            var parts = SubAttributes(path).Select(IsPresent).ToList();
            return parts.Count == 0 ? Unmapped(path, scope) : parts.Aggregate(Expression.OrElse);
        }

        return Unmapped(path, scope);
    }

    private Expression? ValuePathExists(AttributePath path)
    {
        if (Collection(path, Scope.Resource) is { } collection)
        {
            return AnyValue(path, collection, element =>
                WithValueFilter(path, element, path.SubAttribute is null
                    ? True
                    : Lookup(new AttributePath(null, path.SubAttribute, null, null), element) is { } sub ? NotNull(sub.Value) : Unmapped(path, element)));
        }

        if (Lookup(path, Scope.Resource) is { } mapped)
        {
            return NotNull(mapped.Value);
        }

        if (Lookup(path.WithSubAttribute("value"), Scope.Resource) is { } value)
        {
            return NotNull(value.Value);
        }

        var filter = ValueFilter(path);
        if (filter is null)
        {
            return null;
        }

        var exists = SubAttributes(path).Select(NotNull).ToList();
        return exists.Count == 0 ? Unmapped(path, Scope.Resource) : Expression.AndAlso(exists.Aggregate(Expression.OrElse), filter);
    }

    private Expression? Compare(ComparisonNode comparison, Scope scope)
    {
        var path = comparison.Attribute;
        var target = scope.Parent is null
            ? _catalog.Resolve(path).Target
            : ScimAttributeCatalog.ResolveSubAttribute(scope.ParentDefinition, path.Name).Target;
        if (FilterSemantics.CheckComparison(path, target, comparison.Operator, comparison.Value) is { } problem)
        {
            return Fail(problem);
        }

        if (comparison.Value.Kind == FilterValueKind.Null)
        {
            var present = Present(path, scope);
            return present is null ? null : comparison.Operator == ComparisonOperator.Equal ? Expression.Not(present) : present;
        }

        var compared = target is null ? null : FilterSemantics.ComparedAttribute(target);
        if (Collection(path, scope) is { } collection)
        {
            var sub = new AttributePath(null, path.SubAttribute ?? "value", null, null);
            return AnyValue(path, collection, element => WithValueFilter(
                path,
                element,
                Lookup(sub, element) is { } value ? Compare(path, value, compared, comparison.Operator, comparison.Value) : Unmapped(path, element)));
        }

        if (Lookup(path, scope) is { } mapped)
        {
            return Compare(path, mapped, compared, comparison.Operator, comparison.Value);
        }

        if (scope.Parent is null && path.ValueFilter is not null)
        {
            var filter = ValueFilter(path);
            if (filter is null)
            {
                return null;
            }

            return Lookup(path.Attribute().WithSubAttribute(path.SubAttribute), scope) is { } sub
                ? Compare(path, sub, compared, comparison.Operator, comparison.Value) is { } test ? Expression.AndAlso(filter, test) : null
                : Unmapped(path, scope);
        }

        if (scope.Parent is null && target is { IsComplex: true } && path.SubAttribute is null && Lookup(path.WithSubAttribute("value"), scope) is { } value)
        {
            return Compare(path, value, compared, comparison.Operator, comparison.Value);
        }

        return Unmapped(path, scope);
    }

    private Expression? Compare(AttributePath path, Property mapped, ScimAttributeDefinition? attribute, ComparisonOperator op, FilterValue operand)
    {
        var property = mapped.Value;
        var type = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        if (type == typeof(string))
        {
            if (operand.Kind != FilterValueKind.String)
            {
                return Fail($"'{path}' is mapped to a string property; compare it with a string value in double quotes.");
            }

            return mapped.Normalize is { } normalize
                ? CompareString(property, op, Normalized(path, normalize, operand.Text!), fold: false, ordinal: true)
                : CompareString(property, op, operand.Text!, fold: !(attribute?.CaseExact ?? false), ordinal: false);
        }

        if (type == typeof(bool))
        {
            return operand.Kind == FilterValueKind.Boolean && op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                ? Guarded(property, value => op == ComparisonOperator.Equal
                    ? Expression.Equal(value, Expression.Constant(operand.Boolean))
                    : Expression.NotEqual(value, Expression.Constant(operand.Boolean)))
                : Fail($"'{path}' is mapped to a Boolean property; compare it with eq or ne and true or false.");
        }

        if (IsNumber(type))
        {
            return operand.Kind == FilterValueKind.Number && !op.IsSubstring()
                ? CompareNumber(property, type, op, operand.Number)
                : Fail($"'{path}' is mapped to a number property; compare it with eq, ne, gt, ge, lt or le and a number.");
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            if (operand.Kind != FilterValueKind.String || op.IsSubstring() || !ScimDateTime.TryParse(operand.Text, out var instant))
            {
                return Fail($"'{path}' is mapped to a date property; compare it with eq, ne, gt, ge, lt or le and an xsd:dateTime string such as \"2011-05-13T04:42:34Z\".");
            }

            var constant = type == typeof(DateTime) ? Parameter(instant.UtcDateTime) : Parameter(instant);
            return Guarded(property, value => Ordered(op, value, constant));
        }

        if (type == typeof(Guid))
        {
            if (operand.Kind != FilterValueKind.String || op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            {
                return Fail($"'{path}' is mapped to a Guid property; compare it with eq or ne and a string.");
            }

            return Guid.TryParse(operand.Text, out var guid)
                ? Guarded(property, value => Ordered(op, value, Parameter(guid)))
                : op == ComparisonOperator.Equal ? False : NotNull(property);
        }

        return Fail($"'{path}' is mapped to a property of type {property.Type.Name}, which filters cannot compare.");
    }

    /// <summary>
    /// Compares a string property. <c>sw</c> and <c>ew</c> compare a prefix or suffix of the value with
    /// <c>==</c> rather than calling <see cref="string.StartsWith(string)"/>, which is culture-sensitive in memory
    /// and which EF Core turns into a <c>LIKE</c> that SQLite evaluates ignoring case even for case-exact
    /// attributes. On a column that compares ordinally (<paramref name="ordinal"/>), <c>sw</c> is the range of
    /// strings that start with the prefix, which an index on the column serves.
    /// </summary>
    private static BinaryExpression CompareString(Expression property, ComparisonOperator op, string operand, bool fold, bool ordinal)
    {
        var value = fold ? Expression.Call(property, ToUpperMethod) : property;
        var text = fold ? ScimStringComparison.Fold(operand) : operand;
        var constant = Parameter(text);
        Expression test = op switch
        {
            ComparisonOperator.Equal => Expression.Equal(value, constant),
            ComparisonOperator.NotEqual => Expression.NotEqual(value, constant),
            ComparisonOperator.Contains => Expression.Call(value, ContainsMethod, constant),
            ComparisonOperator.StartsWith when ordinal && ScimStringComparison.PrefixUpperBound(text) is { } bound => Expression.AndAlso(
                Expression.MakeBinary(ExpressionType.GreaterThanOrEqual, value, constant, false, OrdinalStringOrder.GreaterThanOrEqualMethod),
                Expression.MakeBinary(ExpressionType.LessThan, value, Parameter(bound), false, OrdinalStringOrder.LessThanMethod)),
            ComparisonOperator.StartsWith => Affix(value, constant, suffix: false),
            ComparisonOperator.EndsWith => Affix(value, constant, suffix: true),
            ComparisonOperator.GreaterThan => Expression.MakeBinary(ExpressionType.GreaterThan, value, constant, false, OrdinalStringOrder.GreaterThanMethod),
            ComparisonOperator.GreaterThanOrEqual => Expression.MakeBinary(ExpressionType.GreaterThanOrEqual, value, constant, false, OrdinalStringOrder.GreaterThanOrEqualMethod),
            ComparisonOperator.LessThan => Expression.MakeBinary(ExpressionType.LessThan, value, constant, false, OrdinalStringOrder.LessThanMethod),
            _ => Expression.MakeBinary(ExpressionType.LessThanOrEqual, value, constant, false, OrdinalStringOrder.LessThanOrEqualMethod),
        };
        return Expression.AndAlso(Expression.NotEqual(property, NullString), test);
    }

    /// <summary>Normalizes an operator value the way the host normalized the column it is compared with.</summary>
    /// <exception cref="InvalidOperationException">The host's normalizer returned <see langword="null"/>.</exception>
    private static string Normalized(AttributePath path, Func<string, string> normalize, string operand) =>
        normalize(operand) ?? throw new InvalidOperationException($"The normalizer mapped for '{path}' returned null.");

    /// <summary>
    /// <c>value.Length &gt;= n &amp;&amp; value.Substring(0, n) == operand</c>, or the suffix form
    /// <c>value.Substring(value.Length - n) == operand</c>, where <c>n</c> is the operand's length measured as
    /// <c>(value + operand).Length - value.Length</c>: in UTF-16 code units in memory and in characters in SQL,
    /// as <c>Substring</c> counts in each. The operand's own <c>Length</c> would be computed in memory and sent as a
    /// parameter, and miscount characters beyond U+FFFF in SQL.
    /// </summary>
    private static BinaryExpression Affix(Expression value, Expression operand, bool suffix)
    {
        var valueLength = Expression.Property(value, LengthProperty);
        var operandLength = Expression.Subtract(Expression.Property(Expression.Call(ConcatMethod, value, operand), LengthProperty), valueLength);
        var affix = suffix
            ? Expression.Call(value, SubstringFromMethod, Expression.Subtract(valueLength, operandLength))
            : Expression.Call(value, SubstringMethod, Expression.Constant(0), operandLength);
        return Expression.AndAlso(Expression.GreaterThanOrEqual(valueLength, operandLength), Expression.Equal(affix, operand));
    }

    /// <summary>
    /// Compares a number property with a decimal operator value exactly: for integer properties the value is
    /// rounded the way the comparison needs (<c>gt 1.5</c> is <c>&gt; 1</c>, <c>ge 1.5</c> is <c>&gt;= 2</c>), and values
    /// beyond the type's range make the comparison always or never true.
    /// </summary>
    private static Expression CompareNumber(Expression property, Type type, ComparisonOperator op, decimal operand)
    {
        if (type == typeof(decimal))
        {
            return Guarded(property, value => Ordered(op, value, Parameter(operand)));
        }

        if (type == typeof(double))
        {
            return Guarded(property, value => Ordered(op, value, Parameter((double)operand)));
        }

        if (type == typeof(float))
        {
            return Guarded(property, value => Ordered(op, value, Parameter((float)operand)));
        }

        var (min, max) = IntegerRange(type);
        var floor = decimal.Floor(operand);
        var ceiling = decimal.Ceiling(operand);
        var integral = floor == operand && operand >= min && operand <= max;
        var (bound, always, never, compare) = op switch
        {
            ComparisonOperator.Equal => (operand, false, !integral, ComparisonOperator.Equal),
            ComparisonOperator.NotEqual => (operand, !integral, false, ComparisonOperator.NotEqual),
            ComparisonOperator.GreaterThan => (floor, floor < min, floor >= max, ComparisonOperator.GreaterThan),
            ComparisonOperator.GreaterThanOrEqual => (ceiling, ceiling <= min, ceiling > max, ComparisonOperator.GreaterThanOrEqual),
            ComparisonOperator.LessThan => (ceiling, ceiling > max, ceiling <= min, ComparisonOperator.LessThan),
            _ => (floor, floor >= max, floor < min, ComparisonOperator.LessThanOrEqual),
        };

        if (never)
        {
            return False;
        }

        if (always)
        {
            return NotNull(property);
        }

        return Guarded(property, value => Ordered(compare, value, ParameterOf(type, bound)));
    }

    private static (decimal Min, decimal Max) IntegerRange(Type type) =>
        type == typeof(short) ? (short.MinValue, short.MaxValue)
        : type == typeof(int) ? (int.MinValue, int.MaxValue)
        : (long.MinValue, long.MaxValue);

    private static bool IsNumber(Type type) =>
        type == typeof(short) || type == typeof(int) || type == typeof(long)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    private static BinaryExpression Ordered(ComparisonOperator op, Expression left, Expression right) => op switch
    {
        ComparisonOperator.Equal => Expression.Equal(left, right),
        ComparisonOperator.NotEqual => Expression.NotEqual(left, right),
        ComparisonOperator.GreaterThan => Expression.GreaterThan(left, right),
        ComparisonOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
        ComparisonOperator.LessThan => Expression.LessThan(left, right),
        _ => Expression.LessThanOrEqual(left, right),
    };

    /// <summary>Applies a test to the value of a property, after checking a nullable property has one.</summary>
    private static Expression Guarded(Expression property, Func<Expression, Expression> test) =>
        Nullable.GetUnderlyingType(property.Type) is { } underlying
            ? Expression.AndAlso(NotNull(property), test(Expression.Convert(property, underlying)))
            : test(property);

    /// <summary>Tests that a property has a value (not null); for strings, also not empty, as <c>pr</c> requires.</summary>
    private static Expression IsPresent(Expression property) =>
        property.Type == typeof(string)
            ? Expression.AndAlso(Expression.NotEqual(property, NullString), Expression.NotEqual(property, EmptyString))
            : NotNull(property);

    private static Expression NotNull(Expression property) =>
        property.Type.IsValueType && Nullable.GetUnderlyingType(property.Type) is null
            ? True
            : Expression.NotEqual(property, Expression.Constant(null, property.Type));

    /// <summary>
    /// Reads an operator value from a closure rather than embedding a constant, so EF Core sends it as a SQL
    /// parameter and reuses one query plan for every value.
    /// </summary>
    private static Expression Parameter<TValue>(TValue value)
    {
        Expression<Func<TValue>> read = () => value;
        return read.Body;
    }

    private static Expression ParameterOf(Type type, decimal value) =>
        type == typeof(short) ? Parameter((short)value)
        : type == typeof(int) ? Parameter((int)value)
        : Parameter((long)value);

    /// <summary>The collection a resource-level path's attribute is mapped to, or <see langword="null"/>.</summary>
    private FilterMapping? Collection(AttributePath path, Scope scope) =>
        scope.Parent is null && _map.TryGetValue(Key(path.Attribute()), out var mapping) && mapping.Values is not null ? mapping : null;

    /// <summary><c>values.Any(v =&gt; test(v))</c>, with <c>test</c> translated over one value of the collection.</summary>
    private Expression? AnyValue(AttributePath path, FilterMapping collection, Func<Scope, Expression?> test)
    {
        var values = collection.Values!;
        var element = Expression.Parameter(values.ElementType, "value");
        var attribute = path.Attribute();
        var body = test(new Scope(Key(attribute), _catalog.Resolve(attribute).Attribute, path, element, values));
        return body is null ? null : values.Any(_parameter, element, body);
    }

    /// <summary>A test of one value, preceded by the path's value filter (<c>emails[type eq "work"]</c>) when it has one.</summary>
    private Expression? WithValueFilter(AttributePath path, Scope element, Expression? test)
    {
        if (test is null || path.ValueFilter is null)
        {
            return test;
        }

        var filter = Translate(path.ValueFilter.Root, element);
        return filter is null ? null : test == True ? filter : Expression.AndAlso(filter, test);
    }

    /// <summary>Translates the value filter of a value path over the properties mapped to its sub-attributes.</summary>
    private Expression? ValueFilter(AttributePath path)
    {
        var attribute = path.Attribute();
        var scope = new Scope(Key(attribute), _catalog.Resolve(attribute).Attribute, path);
        return Translate(path.ValueFilter!.Root, scope);
    }

    /// <summary>Returns the properties mapped to sub-attributes of a complex attribute, such as <c>emails.value</c> and <c>emails.type</c>.</summary>
    private IEnumerable<Expression> SubAttributes(AttributePath path)
    {
        var attribute = Key(path.Attribute());
        foreach (var key in _mapped)
        {
            if (key.ValueFilter is null && key.SubAttribute is not null && attribute.Equals(key.Attribute()) && _map.TryGetValue(key, out var mapping))
            {
                yield return Body(mapping.Property);
            }
        }
    }

    private Property? Lookup(AttributePath path, Scope scope)
    {
        if (scope.Values is { } values)
        {
            return values.Elements.TryGetValue(new AttributePath(null, path.Name, null, null), out var element)
                ? new Property(new ParameterReplacer(element.Property.Parameters[0], scope.Element!).Visit(element.Property.Body), element.Normalize)
                : null;
        }

        var key = scope.Parent is null ? Key(path) : scope.Parent.WithSubAttribute(path.Name);
        return _map.TryGetValue(key, out var mapping) ? new Property(Body(mapping.Property), mapping.Normalize) : null;
    }

    private Expression Body(LambdaExpression lambda) =>
        new ParameterReplacer(lambda.Parameters[0], _parameter).Visit(lambda.Body);

    private Expression? Unmapped(AttributePath path, Scope scope)
    {
        path = scope.ValuePath ?? path;
        var supported = _mapped.IsEmpty ? "none" : string.Join(", ", _mapped);
        return Fail($"The filter uses '{path}', which this server cannot filter on. Attributes it can filter on: {supported}.");
    }

    private Expression? Fail(string message)
    {
        _error ??= new ScimFilterError(ScimFilterError.InvalidFilter, message, null);
        return null;
    }

    /// <summary>A mapped property read from the predicate's parameter, and the host's normalizer of what it holds.</summary>
    /// <param name="Value">The expression reading the property.</param>
    /// <param name="Normalize">The normalizer, or <see langword="null"/> when the property holds values as sent.</param>
    private readonly record struct Property(Expression Value, Func<string, string>? Normalize);

    /// <summary>
    /// What attribute names refer to: the entity, the one value of a complex attribute it holds, or one value of a
    /// collection it has.
    /// </summary>
    /// <param name="Parent">The complex attribute (as a mapping key) whose value filter is translated, or <see langword="null"/>.</param>
    /// <param name="ParentDefinition">Its definition, when known.</param>
    /// <param name="ValuePath">The path being translated, named in messages, or <see langword="null"/>.</param>
    /// <param name="Element">The parameter of the <c>Any</c> predicate, one value of a collection; or <see langword="null"/>.</param>
    /// <param name="Values">Where the sub-attributes live on that value; or <see langword="null"/>.</param>
    private sealed record Scope(
        AttributePath? Parent,
        ScimAttributeDefinition? ParentDefinition,
        AttributePath? ValuePath,
        ParameterExpression? Element = null,
        FilterValuesMapping? Values = null)
    {
        public static Scope Resource { get; } = new(null, null, null);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
