using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Tests.Scim.Filtering;

/// <summary>
/// FsCheck generators and shrinkers for SCIM filters, attribute paths, users and hostile filter text.
/// </summary>
internal static class ScimFilterGenerators
{
    public const string CoreUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string AcmeUrn = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    /// <summary>Words users and filters share, so generated comparisons often hit.</summary>
    private static readonly string[] Words =
    [
        "alice", "Alice", "ALICE@example.com", "alice@Example.COM", "bob", "Bob.Smith@Contoso.com",
        "Runscope300Hfluaklab151@atko.com", "work", "Work", "home", "other", "701984", "4130",
        "o'malley", "O'Malley", "Émile", "émile", "quote\"d", "back\\slash", "tab\tand\nnewline",
        "2819c223-7f76-453a-919d-413861904646", "E-Bjensen", "", " ", "a", "A", "ab", "b", "z",
        "Åsa", "åsa", "ÅSA.Öberg@Example.com", "åsa.öberg@example.com", "Øystein", "Łukasz", "Ñandú",
        "Ζωή", "ΣΊΣΥΦΟΣ", "σίσυφοσ", "Дмитрий", "ДМИТРИЙ@пример.рф", "Ærø", "ÆRØ",
    ];

    /// <summary>Characters of generated strings: mixed case (ASCII, Latin-1, Greek, Cyrillic), digits, characters that need escapes in a filter.</summary>
    private const string Alphabet = "aAbBeEzZ09@.-_' \"\\\t\néÉåÅøØσΣжЖ";

    private static readonly string[] Instants =
    [
        "2011-05-13T04:42:34Z",
        "2011-05-13T06:42:34+02:00",
        "2011-05-13T04:42:34.5Z",
        "2010-01-23T04:56:22Z",
        "2010-01-23T04:56:22.1234567-05:00",
        "2030-12-31T23:59:59Z",
    ];

    private static readonly decimal[] Numbers = [0m, 1m, -1m, 41m, 42m, 42.0m, 41.5m, 42.5m, -0.25m, 3000000000m, -3000000000m, 1e20m];

    private static readonly ComparisonOperator[] StringOperators =
    [
        ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.Contains, ComparisonOperator.StartsWith,
        ComparisonOperator.EndsWith, ComparisonOperator.GreaterThan, ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.LessThan, ComparisonOperator.LessThanOrEqual,
    ];

    private static readonly ComparisonOperator[] OrderedOperators =
    [
        ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.GreaterThan,
        ComparisonOperator.GreaterThanOrEqual, ComparisonOperator.LessThan, ComparisonOperator.LessThanOrEqual,
    ];

    private static readonly ComparisonOperator[] EqualityOperators = [ComparisonOperator.Equal, ComparisonOperator.NotEqual];

    /// <summary>The attribute kinds generated comparisons respect, so every generated filter is valid.</summary>
    internal enum Kind
    {
        String,
        Boolean,
        DateTime,
        Number,
    }

    /// <summary>An attribute a generated filter may name: its path (URN, name, sub-attribute) and kind.</summary>
    internal sealed record AttributeSpec(string? Urn, string Name, string? Sub, Kind Kind, bool CoreUrnAllowed = false);

    /// <summary>Attributes mapped on <see cref="TestUser"/>: filters over them translate and evaluate alike.</summary>
    public static IReadOnlyList<AttributeSpec> MappedAttributes { get; } =
    [
        new(null, "id", null, Kind.String, CoreUrnAllowed: true),
        new(null, "externalId", null, Kind.String, CoreUrnAllowed: true),
        new(null, "userName", null, Kind.String, CoreUrnAllowed: true),
        new(null, "displayName", null, Kind.String, CoreUrnAllowed: true),
        new(null, "active", null, Kind.Boolean, CoreUrnAllowed: true),
        new(null, "name", "givenName", Kind.String, CoreUrnAllowed: true),
        new(null, "name", "familyName", Kind.String, CoreUrnAllowed: true),
        new(null, "emails", "value", Kind.String, CoreUrnAllowed: true),
        new(null, "emails", "type", Kind.String),
        new(null, "emails", "primary", Kind.Boolean),
        new(null, "emails", "display", Kind.String),
        new(null, "phoneNumbers", "value", Kind.String),
        new(null, "phoneNumbers", "type", Kind.String),
        new(null, "addresses", "locality", Kind.String),
        new(null, "addresses", "country", Kind.String),
        new(null, "addresses", "primary", Kind.Boolean),
        new(null, "meta", "lastModified", Kind.DateTime, CoreUrnAllowed: true),
        new(EnterpriseUrn, "employeeNumber", null, Kind.String),
        new(EnterpriseUrn, "manager", "value", Kind.String),
        new(AcmeUrn, "loginCount", null, Kind.Number),
    ];

    /// <summary>More attributes for syntax properties: other known ones and unknown ones of every kind.</summary>
    private static readonly AttributeSpec[] OtherAttributes =
    [
        new(null, "title", null, Kind.String, CoreUrnAllowed: true),
        new(null, "userType", null, Kind.String, CoreUrnAllowed: true),
        new(null, "ims", "type", Kind.String),
        new(null, "meta", "created", Kind.DateTime),
        new(null, "groups", "display", Kind.String),
        new(EnterpriseUrn, "department", null, Kind.String),
        new(AcmeUrn, "vip", null, Kind.Boolean),
        new(AcmeUrn, "nickname_2", null, Kind.String),
        new(null, "x-custom", null, Kind.String),
        new(null, "level", null, Kind.Number),
    ];

    private static readonly string[] MultiValued = ["emails", "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles"];

    /// <summary>Strings for generated filters and users: shared words, case-flipped words, their substrings, and random strings.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (4, Gen.Elements(Words)),
        (3, Gen.Elements(Words).SelectMany(RandomCase)),
        (2, Gen.Elements(Words).SelectMany(Substring)),
        (2, Gen.Elements(Alphabet.ToCharArray()).ArrayOf().Select(chars => new string(chars.Take(10).ToArray()))));

    /// <summary>Strings of any UTF-16 code units, lone surrogates and control characters included, for printing round trips.</summary>
    public static Gen<string> AnyText { get; } =
        Gen.Choose(0, 0xFFFF).Select(code => (char)code).ArrayOf().Select(chars => new string(chars.Take(12).ToArray()));

    /// <summary>Valid filters over every kind of attribute, with mixed-case names, URN prefixes, escapes, nesting and value paths.</summary>
    public static Arbitrary<FilterNode> Filters { get; } =
        Arb.From(Gen.Sized(size => Filter(Math.Min(size, 12), [.. MappedAttributes, .. OtherAttributes], Gen.OneOf(Text, AnyText), mappedOnly: false)), Shrink);

    /// <summary>Valid filters over the attributes mapped on <see cref="TestUser"/>.</summary>
    public static Gen<FilterNode> MappedFilters { get; } =
        Gen.Sized(size => Filter(Math.Min(size, 10), MappedAttributes, Text, mappedOnly: true));

    /// <summary>Filters over mapped attributes together with users that may or may not match them.</summary>
    public static Arbitrary<(FilterNode Filter, TestUser User)> FiltersAndUsers { get; } = Arb.From(
        MappedFilters.SelectMany(filter => Users.Select(user => (filter, user))),
        pair => Shrink(pair.filter).Select(smaller => (smaller, pair.user)));

    /// <summary>Valid PATCH paths: plain, with a sub-attribute, URN-qualified, and value paths with or without a sub-attribute.</summary>
    public static Arbitrary<AttributePath> Paths { get; } = Arb.From(
        Gen.Frequency(
            (3, Gen.Elements([.. MappedAttributes, .. OtherAttributes]).SelectMany(PathOf)),
            (2, ValuePath(Text, mappedOnly: false).SelectMany(path => Gen.Elements<string?>(null, "value", "display", "primary")
                .Select(sub => sub is null ? path : path.WithSubAttribute(sub))))));

    /// <summary>
    /// Users with every optional attribute sometimes missing and written in varied JSON shapes: several e-mail
    /// addresses, phone numbers and addresses, names in mixed case and in several scripts.
    /// </summary>
    public static Gen<TestUser> Users { get; } =
        from id in Gen.Elements("2819c223-7f76-453a-919d-413861904646", "2819C223-7F76-453A-919D-413861904646", "abc")
        from externalId in Text.OrNull()
        from userName in Text.OrNull()
        from displayName in Text.OrNull()
        from active in Gen.Elements(true, false)
        from givenName in Text.OrNull()
        from familyName in Text.OrNull()
        from emails in Values.ListOf().Select(list => list.Take(4).ToList())
        from phoneNumbers in Values.ListOf().Select(list => list.Take(3).ToList())
        from addresses in Addresses.ListOf().Select(list => list.Take(3).ToList())
        from employeeNumber in Text.OrNull()
        from managerId in Text.OrNull()
        from lastModified in Gen.Frequency(
            (1, Gen.Constant<DateTimeOffset?>(null)),
            (4, Gen.Elements(Instants).Select(text => (DateTimeOffset?)DateTimeOffset.Parse(text, CultureInfo.InvariantCulture))))
        from loginCount in Gen.Elements<int?>(null, 0, 1, 41, 42, 43, -1, int.MaxValue, int.MinValue)
        from writeNulls in Gen.Elements(true, false)
        from shoutKeys in Gen.Elements(true, false)
        select new TestUser
        {
            Id = id,
            ExternalId = externalId,
            UserName = userName,
            DisplayName = displayName,
            Active = active,
            GivenName = givenName,
            FamilyName = familyName,
            Emails = emails,
            PhoneNumbers = phoneNumbers,
            Addresses = addresses,
            EmployeeNumber = employeeNumber,
            ManagerId = managerId,
            LastModified = lastModified,
            LoginCount = loginCount,
            WriteNulls = writeNulls,
            ShoutKeys = shoutKeys,
        };

    /// <summary>Values of a multi-valued attribute: any sub-attribute may be missing, types often the canonical ones.</summary>
    public static Gen<TestValue> Values { get; } =
        from value in Text.OrNull()
        from type in Gen.OneOf(Gen.Elements("work", "Work", "home", "other", "mobile"), Text).OrNull()
        from primary in Gen.Elements<bool?>(null, true, false)
        from display in Text.OrNull()
        select new TestValue(value, type, primary, display);

    /// <summary>Addresses: any sub-attribute may be missing.</summary>
    public static Gen<TestAddress> Addresses { get; } =
        from locality in Text.OrNull()
        from country in Gen.OneOf(Gen.Elements("SE", "se", "DE", "Ελλάδα"), Text).OrNull()
        from postalCode in Gen.Elements("12345", "SW1A 1AA", "sw1a 1aa").OrNull()
        from type in Gen.OneOf(Gen.Elements("work", "Work", "home", "other"), Text).OrNull()
        from primary in Gen.Elements<bool?>(null, true, false)
        select new TestAddress(locality, country, postalCode, type, primary);

    /// <summary>Hostile filter text: arbitrary strings, valid filters with a character inserted, removed or replaced, and deep nesting.</summary>
    public static Arbitrary<string> HostileText { get; } = Arb.From(Gen.Frequency(
        (3, AnyText.SelectMany(start => AnyText.Select(end => start + end))),
        (3, Gen.Elements(Alphabet.ToCharArray().Concat("()[]\"\\ :.$").ToArray()).ArrayOf().Select(chars => new string(chars))),
        (4, Filters.Generator.SelectMany(Mutate)),
        (1, Gen.Choose(1, 5000).Select(depth => new string('(', depth) + "userName pr" + new string(')', depth))),
        (1, Gen.Choose(1, 3000).Select(depth => string.Concat(Enumerable.Repeat("not (", depth)) + "a pr")),
        (1, Gen.Choose(1, 1000).Select(count => string.Join(" or ", Enumerable.Repeat("a pr", count)))),
        (1, Gen.Choose(1, 5000).Select(count => "emails[" + new string('[', count)))));

    /// <summary>Shrinks a filter towards its sub-filters and shorter string values, keeping it valid.</summary>
    /// <param name="node">The filter.</param>
    /// <returns>Smaller filters.</returns>
    public static IEnumerable<FilterNode> Shrink(FilterNode node)
    {
        switch (node)
        {
            case LogicalNode logical:
                yield return logical.Left;
                yield return logical.Right;
                foreach (var left in Shrink(logical.Left))
                {
                    yield return logical with { Left = left };
                }

                foreach (var right in Shrink(logical.Right))
                {
                    yield return logical with { Right = right };
                }

                break;
            case NotNode not:
                yield return not.Operand;
                foreach (var operand in Shrink(not.Operand))
                {
                    yield return new NotNode(operand);
                }

                break;
            case ComparisonNode { Value.Kind: FilterValueKind.String } comparison
                when comparison.Value.Text!.Length > 0 && !ScimDateTime.TryParse(comparison.Value.Text, out _):
                var text = comparison.Value.Text!;
                yield return comparison with { Value = FilterValue.FromString(string.Empty) };
                yield return comparison with { Value = FilterValue.FromString(text[..(text.Length / 2)]) };
                yield return comparison with { Value = FilterValue.FromString(text[1..]) };
                break;
            case ValuePathNode valuePath:
                foreach (var inner in Shrink(valuePath.Attribute.ValueFilter!.Root))
                {
                    yield return new ValuePathNode(new AttributePath(valuePath.Attribute.SchemaUrn, valuePath.Attribute.Name, new ScimFilter(inner), null));
                }

                break;
        }
    }

    private static Gen<FilterNode> Filter(
        int size,
        IReadOnlyList<AttributeSpec> attributes,
        Gen<string> text,
        bool mappedOnly,
        bool inValueFilter = false,
        ComparisonOperator[]? stringOperators = null)
    {
        stringOperators ??= StringOperators;
        var term = inValueFilter ? ElementTerm(attributes, text, stringOperators) : Term(attributes, text, mappedOnly, stringOperators);
        if (size <= 1)
        {
            return term;
        }

        var half = Gen.Sized(_ => Filter(size / 2, attributes, text, mappedOnly, inValueFilter, stringOperators));
        return Gen.Frequency(
            (3, term),
            (2, half.Two().Select(pair => (FilterNode)new LogicalNode(LogicalOperator.And, pair.Item1, pair.Item2))),
            (2, half.Two().Select(pair => (FilterNode)new LogicalNode(LogicalOperator.Or, pair.Item1, pair.Item2))),
            (1, Gen.Sized(_ => Filter(size - 1, attributes, text, mappedOnly, inValueFilter, stringOperators)).Select(operand => (FilterNode)new NotNode(operand))));
    }

    private static Gen<FilterNode> Term(IReadOnlyList<AttributeSpec> attributes, Gen<string> text, bool mappedOnly, ComparisonOperator[] stringOperators)
    {
        var attribute = Gen.Elements(attributes.ToArray());
        var comparison = attribute.SelectMany(a => PathOf(a).SelectMany(path => Comparison(path, a.Kind, text, stringOperators)));
        var present = attribute.SelectMany(PathOf).Select(path => (FilterNode)new PresentNode(path));
        var complexPresent = Gen.Elements(mappedOnly ? ["name", "emails", "phoneNumbers", "addresses"] : new[] { "name", "emails", "addresses", "meta" })
            .SelectMany(RandomCase)
            .Select(name => (FilterNode)new PresentNode(new AttributePath(null, name, null, null)));
        var complexValue = Gen.Elements("emails", "EMAILS", "phoneNumbers").SelectMany(name => Comparison(new AttributePath(null, name, null, null), Kind.String, text, stringOperators));
        var valuePath = ValuePath(text, mappedOnly, stringOperators).Select(path => (FilterNode)new ValuePathNode(path));
        var microsoft = ValuePath(text, mappedOnly, stringOperators).SelectMany(path =>
        {
            var sub = string.Equals(path.Name, "addresses", StringComparison.OrdinalIgnoreCase) ? "locality" : "value";
            return Gen.Frequency(
                (3, Comparison(path.WithSubAttribute(sub), Kind.String, text, stringOperators)),
                (1, Gen.Constant((FilterNode)new PresentNode(path.WithSubAttribute(sub)))));
        });
        return Gen.Frequency((8, comparison), (2, present), (1, complexPresent), (1, complexValue), (2, valuePath), (2, microsoft));
    }

    private static Gen<FilterNode> ElementTerm(IReadOnlyList<AttributeSpec> attributes, Gen<string> text, ComparisonOperator[] stringOperators)
    {
        var attribute = Gen.Elements(attributes.ToArray());
        var comparison = attribute.SelectMany(a => PathOf(a).SelectMany(path => Comparison(path, a.Kind, text, stringOperators)));
        var present = attribute.SelectMany(PathOf).Select(path => (FilterNode)new PresentNode(path));
        return Gen.Frequency((4, comparison), (1, present));
    }

    private static Gen<AttributePath> ValuePath(Gen<string> text, bool mappedOnly, ComparisonOperator[]? stringOperators = null)
    {
        AttributeSpec[] subAttributes =
        [
            new(null, "type", null, Kind.String),
            new(null, "value", null, Kind.String),
            new(null, "primary", null, Kind.Boolean),
            new(null, "display", null, Kind.String),
        ];
        AttributeSpec[] addressSubAttributes =
        [
            new(null, "type", null, Kind.String),
            new(null, "locality", null, Kind.String),
            new(null, "country", null, Kind.String),
            new(null, "postalCode", null, Kind.String),
            new(null, "primary", null, Kind.Boolean),
        ];
        Gen<FilterNode> Inner(AttributeSpec[] attributes) =>
            Gen.Sized(size => Filter(Math.Min(size, 4), attributes, text, mappedOnly, inValueFilter: true, stringOperators));
        var name = mappedOnly ? Gen.Elements("emails", "Emails", "phoneNumbers", "addresses") : Gen.Elements(MultiValued).SelectMany(RandomCase);
        return from n in name
               from urn in mappedOnly ? Gen.Constant<string?>(null) : Gen.Elements<string?>(null, CoreUrn)
               from filter in Inner(string.Equals(n, "addresses", StringComparison.OrdinalIgnoreCase) ? addressSubAttributes : mappedOnly && n == "phoneNumbers" ? subAttributes[..3] : subAttributes)
               select new AttributePath(urn, n, new ScimFilter(filter), null);
    }

    private static Gen<AttributePath> PathOf(AttributeSpec attribute) =>
        from name in RandomCase(attribute.Name)
        from sub in attribute.Sub is null ? Gen.Constant<string?>(null) : RandomCase(attribute.Sub).Select(s => (string?)s)
        from urn in attribute.Urn is not null
            ? RandomCase(attribute.Urn).Select(u => (string?)u)
            : attribute.CoreUrnAllowed ? Gen.Elements<string?>(null, null, CoreUrn) : Gen.Constant<string?>(null)
        select new AttributePath(urn, name, null, sub);

    private static Gen<FilterNode> Comparison(AttributePath path, Kind kind, Gen<string> text, ComparisonOperator[]? stringOperators = null)
    {
        var eqNull = Gen.Elements(EqualityOperators).Select(op => (FilterNode)new ComparisonNode(path, op, FilterValue.Null));
        var typed = kind switch
        {
            Kind.Boolean => from op in Gen.Elements(EqualityOperators)
                            from value in Gen.Elements(true, false)
                            select (FilterNode)new ComparisonNode(path, op, FilterValue.FromBoolean(value)),
            Kind.DateTime => from op in Gen.Elements(OrderedOperators)
                             from value in Gen.Elements(Instants)
                             select (FilterNode)new ComparisonNode(path, op, FilterValue.FromString(value)),
            Kind.Number => from op in Gen.Elements(OrderedOperators)
                           from value in Gen.OneOf(Gen.Elements(Numbers), Gen.Choose(-100, 100).Select(i => i / 4m))
                           select (FilterNode)new ComparisonNode(path, op, FilterValue.FromNumber(value)),
            _ => from op in Gen.Elements(stringOperators ?? StringOperators)
                 from value in text
                 select (FilterNode)new ComparisonNode(path, op, FilterValue.FromString(value)),
        };
        return Gen.Frequency((9, typed), (1, eqNull));
    }

    private static Gen<string> RandomCase(string text) =>
        Gen.Elements(0, 0, 1, 2).SelectMany(mode => mode switch
        {
            0 => Gen.Constant(text),
            1 => Gen.Constant(text.ToUpperInvariant()),
            _ => Gen.Elements(true, false).ArrayOf(text.Length).Select(flips =>
            {
                var chars = text.ToCharArray();
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = flips[i] ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
                }

                return new string(chars);
            }),
        });

    private static Gen<string> Substring(string text) =>
        from start in Gen.Choose(0, text.Length)
        from length in Gen.Choose(0, text.Length - start)
        select text.Substring(start, length);

    private static Gen<string> Mutate(FilterNode node)
    {
        var text = node.ToString();
        return from position in Gen.Choose(0, text.Length)
               from mode in Gen.Choose(0, 2)
               from c in Gen.Elements("()[]\" \\.:x1".ToCharArray())
               select mode switch
               {
                   0 => text.Insert(position, c.ToString()),
                   1 when position < text.Length => text.Remove(position, 1),
                   _ when position < text.Length => new StringBuilder(text) { [position] = c }.ToString(),
                   _ => text + c,
               };
    }
}
