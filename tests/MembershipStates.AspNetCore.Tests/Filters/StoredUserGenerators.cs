using FsCheck;
using FsCheck.Fluent;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>
/// FsCheck generators of users as providers send them (several e-mail addresses, phone numbers and addresses, names
/// in mixed case and several scripts) and of filters over every attribute the sample host maps, drawing on the same
/// words so that many filters match some users and miss others.
/// </summary>
internal static class StoredUserGenerators
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly string[] Words =
    [
        "alice", "Alice", "ÅSA", "åsa", "Öberg", "José", "JOSÉ", "Dover", "σίσυφος", "ΣΊΣΥΦΟΣ", "Дмитрий", "дмитрий",
        "Ærø", "straße", "STRASSE", "µ", "μ", "Łukasz", "a_b", "A-B", "work", "home", "Sales", "sales", "701984", "x",
        "😀", "Zoë", "",
    ];

    private static readonly string[] Types = ["work", "Work", "home", "HOME", "other", "mobile"];

    private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

    private static readonly (string Path, bool Boolean)[] Attributes =
    [
        ("userName", false), ("displayName", false), ("title", false), ("userType", false), ("nickName", false),
        ("name.givenName", false), ("name.familyName", false), ("externalId", false), ("active", true),
        ("emails.value", false), ("emails.type", false), ("emails.primary", true), ("emails.display", false), ("emails", false),
        ("phoneNumbers.value", false), ("phoneNumbers.type", false), ("addresses.locality", false),
        ("addresses.country", false), ("addresses.type", false), ("addresses.primary", true), ("roles.value", false),
        ($"{Enterprise}:employeeNumber", false), ($"{Enterprise}:department", false), ($"{Enterprise}:manager.value", false),
    ];

    private static readonly (string Name, (string Sub, bool Boolean)[] Subs)[] MultiValued =
    [
        ("emails", [("value", false), ("type", false), ("primary", true), ("display", false)]),
        ("phoneNumbers", [("value", false), ("type", false), ("primary", true)]),
        ("addresses", [("locality", false), ("country", false), ("type", false), ("primary", true)]),
    ];

    /// <summary>Gets words, flipped in case, joined in pairs, or cut short (never inside a surrogate pair): what users and filters share.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (4, Gen.Elements(Words)),
        (2, Gen.Elements(Words).SelectMany(word => Gen.Elements(word.ToUpperInvariant(), word.ToLowerInvariant()))),
        (2, Gen.Elements(Words).Two().Select(pair => pair.Item1 + "." + pair.Item2)),
        (1, Gen.Elements(Words).SelectMany(word => Gen.Choose(0, word.Length).Select(n => n > 0 && char.IsHighSurrogate(word[n - 1]) ? word[..(n - 1)] : word[..n]))));

    /// <summary>Gets users; the caller makes <c>userName</c> unique.</summary>
    public static Gen<(ScimUser User, bool Active)> Users { get; } =
        from name in Text.Two()
        from displayName in Text.OrNull()
        from title in Text.OrNull()
        from userType in Gen.Elements("Employee", "employee", "Contractor").OrNull()
        from emails in Value(Text).ListOf().Select(list => list.Take(4).ToList())
        from phones in Value(Gen.Elements("+46 31 555 0100", "555-0199", "+1 (555) 0100")).ListOf().Select(list => list.Take(3).ToList())
        from addresses in Address.ListOf().Select(list => list.Take(3).ToList())
        from roles in Value(Text).ListOf().Select(list => list.Take(2).ToList())
        from employeeNumber in Gen.Elements("701984", "42").OrNull()
        from department in Text.OrNull()
        from manager in Text.OrNull()
        from active in Gen.Elements(true, true, false)
        select (new ScimUser
        {
            UserName = $"{name.Item1}.{name.Item2}",
            DisplayName = displayName,
            Title = title,
            UserType = userType,
            Name = new ScimName { GivenName = name.Item1, FamilyName = name.Item2 },
            Emails = emails.Count == 0 ? null : emails,
            PhoneNumbers = phones.Count == 0 ? null : phones,
            Addresses = addresses.Count == 0 ? null : addresses,
            Roles = roles.Count == 0 ? null : roles,
            EnterpriseUser = employeeNumber is null && department is null && manager is null
                ? null
                : new ScimEnterpriseUser { EmployeeNumber = employeeNumber, Department = department, Manager = manager is null ? null : new ScimManager { Value = manager } },
        }, active);

    /// <summary>Gets filters over the attributes the sample maps: comparisons, presence, value paths, and, or, not.</summary>
    public static Arbitrary<string> Filters { get; } = Arb.From(Gen.Sized(size => Filter(Math.Min(size, 8))), FilterText.Shrink);

    private static Gen<ScimMultiValue> Value(Gen<string> values) =>
        from value in values.OrNull()
        from type in Gen.Elements(Types).OrNull()
        from primary in Gen.Elements<bool?>(null, true, false)
        from display in Text.OrNull()
        select new ScimMultiValue { Value = value, Type = type, Primary = primary, Display = display };

    private static Gen<ScimAddress> Address { get; } =
        from locality in Text.OrNull()
        from country in Gen.Elements("SE", "se", "DE", "Ελλάδα").OrNull()
        from type in Gen.Elements(Types).OrNull()
        from primary in Gen.Elements<bool?>(null, true, false)
        select new ScimAddress { Locality = locality, Country = country, Type = type, Primary = primary };

    private static Gen<string> Filter(int size)
    {
        var term = Gen.Frequency((6, Gen.Elements(Attributes).SelectMany(a => Comparison(a.Path, a.Boolean))), (2, ValuePath()));
        return FilterText.Compose(term, size);
    }

    private static Gen<string> ValuePath() =>
        from attribute in Gen.Elements(MultiValued)
        from inner in Gen.Elements(attribute.Subs).SelectMany(s => Comparison(s.Sub, s.Boolean))
        from second in Gen.Elements(attribute.Subs).SelectMany(s => Comparison(s.Sub, s.Boolean)).OrNull()
        from logical in Gen.Elements("and", "or")
        from sub in Gen.Elements(attribute.Subs).Select(s => s.Boolean ? null : s.Sub).OrNull()
        from tail in sub is null ? Gen.Constant(string.Empty) : Gen.Elements(Operators).SelectMany(op => Text.Select(text => $" {op} {Quote(text)}")).OrNull().Select(t => t ?? " pr")
        let filter = second is null ? inner : $"{inner} {logical} {second}"
        select sub is null ? $"{attribute.Name}[{filter}]" : $"{attribute.Name}[{filter}].{sub}{tail}";

    private static Gen<string> Comparison(string path, bool boolean) => Gen.Frequency(
        (8, boolean
            ? Gen.Elements("eq", "ne").SelectMany(op => Gen.Elements("true", "false").Select(value => $"{path} {op} {value}"))
            : Gen.Elements(Operators).SelectMany(op => Text.Select(text => $"{path} {op} {Quote(text)}"))),
        (1, Gen.Constant($"{path} pr")),
        (1, Gen.Elements("eq", "ne").Select(op => $"{path} {op} null")));

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>Whether a filter parses; every generated one should.</summary>
    public static bool Parses(string filter) => ScimFilter.Parse(filter).IsSuccess;
}
