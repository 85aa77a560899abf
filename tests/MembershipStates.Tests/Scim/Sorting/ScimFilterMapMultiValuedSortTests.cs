using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Sorting;

/// <summary>
/// <see cref="ScimFilterMap{T}.Order"/> by a multi-valued attribute mapped with a position: the primary value, else
/// the first, exactly as <see cref="ScimSort.Compare"/> orders the same users in their wire form.
/// </summary>
public sealed class ScimFilterMapMultiValuedSortTests
{
    private static readonly ScimFilterMap<SortUser> Map = new ScimFilterMap<SortUser>()
        .Map("id", u => u.Id)
        .MapValues("emails", u => u.Stored, email => email
            .MapNormalized("value", e => e.UpperValue, static value => value.ToUpperInvariant())
            .Map("type", e => e.Type)
            .Map("primary", e => e.Primary)
            .MapPosition(e => e.Position));

    // Letters only, so that LINQ to objects' culture-aware string order is the ordinal one the reference uses.
    private static readonly Gen<PositionedValue?> Values =
        from value in Gen.Elements<string?>("ann", "Ann", "ANNA", "bea", "BEA", "cyd", string.Empty, null)
        from type in Gen.Elements<string?>("work", "home", "HOME", null)
        from primary in Gen.Frequency((3, Gen.Constant<bool?>(null)), (2, Gen.Constant<bool?>(false)), (2, Gen.Constant<bool?>(true)))
        from missing in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select missing ? null : new PositionedValue(0, value, type, primary);

    private static readonly Gen<List<SortUser>> Users =
        Values.ListOf().Select(list => list.Take(4).ToList()).ListOf().Select(users => users
            .Select((emails, i) => new SortUser(
                $"u{i:D3}",
                [.. emails.Select((value, position) => value is null ? null : value with { Position = position })]))
            .ToList());

    [Property(MaxTest = 300)]
    public Property Order_AgreesWithCompare_PrimaryValueElseFirst() =>
        Prop.ForAll(
            Arb.From(
                from users in Users
                from sortBy in Gen.Elements("emails", "emails.value", "Emails.Type")
                from order in Gen.Elements("ascending", "descending")
                select (users, sort: ScimSort.Parse(sortBy, order).Value!)),
            c =>
            {
                var ordered = Map.Order(c.users.AsQueryable(), c.sort).Value;
                var database = ordered.Select(u => u.Id).ToList();
                var reference = c.users.Select(u => u.ToJson()).Order(Comparer<JsonObject>.Create(c.sort.Compare)).Select(u => (string)u["id"]!).ToList();
                var primaryNotFirst = c.users.Any(u => u.Emails.Skip(1).Any(e => e?.Primary == true));
                return Prop.Label(database.SequenceEqual(reference), $"{c.sort}: {string.Join(",", database)} vs {string.Join(",", reference)}")
                    .Classify(primaryNotFirst, "a primary value not first");
            });

    [Fact]
    public void Order_PutsThePrimaryValueFirst_EvenWhenNotListedFirst()
    {
        SortUser[] users =
        [
            new("1", [new(0, "zed", null, null), new(1, "Ann", null, true)]),
            new("2", [new(0, "cyd", null, false), new(1, "bea", null, null)]),
            new("3", [null, new(1, "bea", null, null)]),
            new("4", []),
        ];

        var ordered = Map.Order(users.AsQueryable(), ScimSort.Parse("emails.value", null).Value!).Value;

        ordered.Select(u => u.Id).Should().Equal("1", "3", "2", "4");
    }

    [Fact]
    public void Order_ByAMultiValuedAttributeMappedWithoutAPosition_Is400InvalidValue_ListingWhatCanBeSorted()
    {
        var map = new ScimFilterMap<SortUser>()
            .Map("id", u => u.Id)
            .MapValues("emails", u => u.Stored, email => email.Map("value", e => e.Value).Map("primary", e => e.Primary))
            .MapValues("phoneNumbers", u => u.Stored, phone => phone.Map("value", e => e.Value).MapPosition(e => e.Position));

        var error = map.Order(Array.Empty<SortUser>().AsQueryable(), ScimSort.Parse("emails", null).Value!).ShouldFail();

        error.Status.Should().Be(400);
        error.ScimType.Should().Be("invalidValue");
        error.Detail.Should().Contain("cannot sort by 'emails'").And.Contain("phoneNumbers.value").And.NotContain("emails.value");
    }

    [Fact]
    public void Order_ByASubAttributeNotMapped_Is400InvalidValue()
    {
        var error = Map.Order(Array.Empty<SortUser>().AsQueryable(), ScimSort.Parse("emails.display", null).Value!).ShouldFail();

        error.ScimType.Should().Be("invalidValue");
    }

    [Fact]
    public void MapPosition_Twice_Throws()
    {
        var act = () => new ScimFilterMap<PositionedValue>().MapPosition(v => v.Position).MapPosition(v => v.Position);

        act.Should().Throw<ArgumentException>().WithParameterName("position");
    }

    /// <summary>A host's user whose e-mail addresses keep their position in the list; a null stands for no row.</summary>
    public sealed record SortUser(string Id, IReadOnlyList<PositionedValue?> Emails)
    {
        /// <summary>Gets the values the host stores: a null in the list has no row.</summary>
        public IEnumerable<PositionedValue> Stored => Emails.OfType<PositionedValue>();

        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["emails"] = new JsonArray([.. Emails.Select(e => e is null ? null : (JsonNode)new JsonObject
            {
                ["value"] = e.Value,
                ["type"] = e.Type,
                ["primary"] = e.Primary,
            })]),
        };
    }

    /// <summary>One e-mail address and its index in the list.</summary>
    public sealed record PositionedValue(int Position, string? Value, string? Type, bool? Primary)
    {
        public string? UpperValue => Value?.ToUpperInvariant();
    }
}
