using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace MembershipStates.Tests.Scim;

/// <summary>
/// Writes generated JSON as text, so that it can be what a <c>JsonObject</c> cannot hold: objects that repeat a
/// member name (exactly or in another case), escaped unpaired surrogates and other odd Unicode in names and values,
/// and nesting deeper than any reader allows.
/// </summary>
internal static class HostileJson
{
    // Written as escapes, so that the text stays valid UTF-8 and only the JSON decoding sees them.
    private static readonly string[] OddStrings =
    [
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"é\"", "\"名前\"", "\"\\u00e9\"",
        "\"İ\"", "\"ß\"", "\"\\uFFFF\"", "\"\\t\\n\"", "\"😀\"",
    ];

    /// <summary>JSON text built from <paramref name="keys"/> and <paramref name="scalars"/>, with hostile parts mixed in.</summary>
    /// <param name="keys">Member names, written as JSON strings.</param>
    /// <param name="scalars">Values at the leaves.</param>
    /// <returns>The generator of JSON texts; not all of them well-formed for a SCIM reader, all of them valid UTF-8.</returns>
    public static Gen<string> Text(Gen<string> keys, Gen<JsonNode?> scalars)
    {
        var names = Gen.Frequency(
            (6, keys.Select(Quote)),
            (1, Gen.Elements(OddStrings)));
        var leaves = Gen.Frequency(
            (6, scalars.Select(s => s?.ToJsonString() ?? "null")),
            (1, Gen.Elements(OddStrings)));

        Gen<string> Node(int size) => size <= 0
            ? leaves
            : Gen.Frequency(
                (3, leaves),
                (2, Gen.ListOf(Node(size / 2)).Select(items => "[" + string.Join(",", items) + "]")),
                (3, Object(Node(size / 2))),
                (1, Node(size / 2).SelectMany(inner => Gen.Choose(20, 90).Select(depth => Nest(inner, depth)))));

        Gen<string> Object(Gen<string> values) =>
            from members in Gen.ListOf(Gen.Zip(names, values))
            from repeat in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
            select WriteObject([.. members], repeat);

        return Gen.Sized(size => Node(Math.Min(size, 12)));
    }

    private static string Quote(string key) => JsonValue.Create(key).ToJsonString();

    // repeat 1 writes the first member again as sent, 2 with its name in upper case.
    private static string WriteObject((string Name, string Value)[] members, int repeat)
    {
        var written = members.Select(m => m.Name + ":" + m.Value).ToList();
        if (repeat > 0 && members.Length > 0)
        {
            var (name, value) = members[0];
            written.Add((repeat == 1 ? name : name.ToUpperInvariant()) + ":" + value);
        }

        return "{" + string.Join(",", written) + "}";
    }

    private static string Nest(string inner, int depth)
    {
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "{\"value\":" : "["));
        var close = string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "}" : "]"));
        return open + inner + close;
    }
}
