using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;
using MembershipStates.Tests.Scim.Filtering;

namespace MembershipStates.Tests.Scim.Sorting;

/// <summary>
/// The sort order is total and is the order the filter operators <c>lt</c> and <c>gt</c> see, over generated users;
/// for a multi-valued attribute, the order they see on the user's primary value, else its first.
/// </summary>
public sealed class ScimSortPropertyTests
{
    private static readonly string[] Keys =
    [
        "userName", "displayName", "name.familyName", "externalId", "meta.lastModified", "id",
        $"{ScimFilterGenerators.EnterpriseUrn}:employeeNumber",
        "emails", "emails.value", "EMAILS.Value", "emails.type", "emails.display", "phoneNumbers.value",
    ];

    private static readonly string[] MultiValued = ["emails", "phoneNumbers"];

    private static readonly Gen<ScimSort> Sorts =
        from key in Gen.Elements(Keys)
        from order in Gen.Elements("ascending", "descending")
        select ScimSort.Parse(key, order).Value!;

    /// <summary>
    /// For two users that both have a value, the first comes first exactly when <c>key lt value-of-the-second</c>
    /// matches it (after when <c>gt</c> does, by id when neither does); a user without a value comes after every user
    /// with one. Descending is the same, reversed.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Compare_AgreesWithTheEvaluatorsLtAndGt() =>
        Prop.ForAll(
            Arb.From(from sort in Sorts from a in ScimFilterGenerators.Users from b in ScimFilterGenerators.Users select (sort, a, b)),
            c =>
            {
                var (left, right) = (c.a.ToJson(), c.b.ToJson());
                var expected = Expected(c.sort, left, right);
                var actual = Math.Sign(c.sort.Compare(left, right));
                return Prop.Label(actual == expected, $"{c.sort}: {left.ToJsonString()} vs {right.ToJsonString()}: {actual}, expected {expected}");
            });

    /// <summary>A sorted list is in order pair by pair, and comparing is antisymmetric: the order is total.</summary>
    [Property(MaxTest = 200)]
    public Property Compare_IsATotalOrder() =>
        Prop.ForAll(
            Arb.From(from sort in Sorts from users in Gen.ListOf(ScimFilterGenerators.Users) select (sort, users)),
            c =>
            {
                var users = c.users.Select(u => u.ToJson()).ToList();
                var sorted = users.Order(Comparer<JsonObject>.Create(c.sort.Compare)).ToList();
                var inOrder = Enumerable.Range(0, sorted.Count).All(i => Enumerable.Range(i, sorted.Count - i).All(j => c.sort.Compare(sorted[i], sorted[j]) <= 0));
                var antisymmetric = users.All(a => users.All(b => Math.Sign(c.sort.Compare(a, b)) == -Math.Sign(c.sort.Compare(b, a))));
                // Users that compare equal (same value, same id) may keep either place; all others are exactly backwards.
                var backwards = users.Order(Comparer<JsonObject>.Create(c.sort.Reverse().Compare)).ToList();
                var reversed = sorted.AsEnumerable().Reverse().Zip(backwards).All(p => c.sort.Compare(p.First, p.Second) == 0);
                return Prop.Label(inOrder && antisymmetric && reversed, $"{c.sort}: in order {inOrder}, antisymmetric {antisymmetric}, reverse is backwards {reversed}");
            });

    private static int Expected(ScimSort sort, JsonObject left, JsonObject right)
    {
        (left, right) = (Representative(sort, left), Representative(sort, right));
        var (a, b) = (Value(sort, left), Value(sort, right));
        int ascending;
        if (a is null || b is null)
        {
            ascending = (a is null ? 1 : 0) - (b is null ? 1 : 0);
        }
        else
        {
            var literal = FilterValue.FromString(b).ToString();
            ascending = Matches($"{sort.SortBy} lt {literal}", left) ? -1 : Matches($"{sort.SortBy} gt {literal}", left) ? 1 : 0;
        }

        if (ascending == 0)
        {
            ascending = Math.Sign(string.CompareOrdinal(left["id"]?.GetValue<string>() ?? left["ID"]?.GetValue<string>(), right["id"]?.GetValue<string>() ?? right["ID"]?.GetValue<string>()));
        }

        return sort.Order == ScimSortOrder.Ascending ? ascending : -ascending;
    }

    /// <summary>The value the key names, read with the evaluator: the one <c>key eq "v"</c> matches; <see langword="null"/> when <c>key pr</c> does not match.</summary>
    private static string? Value(ScimSort sort, JsonObject user)
    {
        // A multi-valued attribute named alone is present when its value is (emails pr is true for {"type":"work"}).
        var multiValuedAlone = sort.SortBy.SubAttribute is null && MultiValued.Contains(sort.SortBy.Name, StringComparer.OrdinalIgnoreCase);
        if (!Matches(multiValuedAlone ? $"{sort.SortBy}.value pr" : $"{sort.SortBy} pr", user))
        {
            return null;
        }

        var path = sort.SortBy;
        JsonNode? node = path.SchemaUrn is null ? user : Property(user, path.SchemaUrn);
        node = node is JsonObject container ? Property(container, path.Name) : null;
        var subAttribute = path.SubAttribute;
        if (node is JsonArray values)
        {
            node = values.SingleOrDefault();
            subAttribute ??= "value";
        }

        if (subAttribute is not null)
        {
            node = node is JsonObject complex ? Property(complex, subAttribute) : null;
        }

        return node?.GetValue<string>();
    }

    /// <summary>
    /// The user with the sorted multi-valued attribute cut to the one value RFC 7644 §3.4.2.3 sorts by: the value
    /// with <c>primary</c> true, else the first; so that <c>lt</c> and <c>gt</c>, which match when any value does,
    /// compare that value only.
    /// </summary>
    private static JsonObject Representative(ScimSort sort, JsonObject user)
    {
        var copy = user.DeepClone().AsObject();
        var name = copy.Select(p => p.Key).FirstOrDefault(key => string.Equals(key, sort.SortBy.Name, StringComparison.OrdinalIgnoreCase));
        if (name is not null && copy[name] is JsonArray values)
        {
            var chosen = values.FirstOrDefault(v => v is JsonObject o && Property(o, "primary") is JsonValue p && p.GetValueKind() == System.Text.Json.JsonValueKind.True)
                ?? values.FirstOrDefault(v => v is not null);
            copy[name] = chosen is null ? new JsonArray() : new JsonArray(chosen.DeepClone());
        }

        return copy;
    }

    private static JsonNode? Property(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool Matches(string filter, JsonObject user) =>
        ScimFilter.Parse(filter).Value.Evaluate(user).Value;
}
