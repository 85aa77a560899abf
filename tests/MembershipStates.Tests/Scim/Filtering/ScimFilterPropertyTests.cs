using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

public sealed class ScimFilterPropertyTests
{
    private static readonly JsonObject SomeUser = new TestUser
    {
        Id = "abc",
        UserName = "Alice@Example.com",
        Emails = [new TestValue("alice@example.com", "work", true, null), new TestValue("Alice@Home.example", "home", null, "Åsa")],
        Active = true,
    }.ToJson();

    [Property(MaxTest = 500)]
    public Property Parse_PrintedFilter_ReturnsAnEqualFilter() =>
        Prop.ForAll(ScimFilterGenerators.Filters, node =>
        {
            var text = node.ToString();
            var parsed = ScimFilter.Parse(text);
            return Prop.Label(
                parsed.TryGetValue(out var filter) && filter.Root.Equals(node) && filter.GetHashCode() == new ScimFilter(node).GetHashCode() && filter.ToString() == text,
                $"{text} -> {parsed}");
        });

    [Property(MaxTest = 300)]
    public Property Parse_PrintedPath_ReturnsAnEqualPath() =>
        Prop.ForAll(ScimFilterGenerators.Paths, path =>
        {
            var text = path.ToString();
            var parsed = AttributePath.Parse(text);
            return Prop.Label(parsed.TryGetValue(out var again) && again == path && again.ToString() == text, $"{text} -> {parsed}");
        });

    // Users with several e-mail addresses, phone numbers and addresses, kept as collections: a filter on a
    // multi-valued attribute becomes Any(...) over the collection, compiled here as LINQ to objects.
    [Property(MaxTest = 500)]
    public Property Evaluate_AndCompiledTranslation_AgreeOnEveryUser() =>
        Prop.ForAll(ScimFilterGenerators.FiltersAndUsers, pair => Agree(TestUser.Map, pair.Filter, pair.User));

    // A column normalized with the evaluator's own fold answers every filter, ordering and prefixes (as a range)
    // included, as the evaluator does.
    [Property(MaxTest = 500)]
    public Property Evaluate_AndCompiledTranslationOnUpperCasedColumns_AgreeOnEveryUser() =>
        Prop.ForAll(ScimFilterGenerators.FiltersAndUsers, pair => Agree(TestUser.UpperNormalizedMap, pair.Filter, pair.User));

    [Fact]
    public void FiltersAndUsers_Generated_MatchOftenEnoughToTestSomething()
    {
        var samples = ScimFilterGenerators.FiltersAndUsers.Generator.Sample(1000, 10);
        var matches = samples.Count(pair => new ScimFilter(pair.Filter).Evaluate(pair.User.ToJson()) is { IsSuccess: true, Value: true });

        matches.Should().BeInRange(150, 850);
    }

    [Fact]
    public void FiltersAndUsers_Generated_MatchNonAsciiUserNamesOftenEnoughToTestSomething()
    {
        var samples = ScimFilterGenerators.FiltersAndUsers.Generator.Sample(5000, 10);
        var matches = samples.Count(pair =>
            pair.User.UserName is { } userName && userName.Any(c => c > 127 && char.IsLetter(c))
            && pair.Filter.ToString().Contains("userName", StringComparison.OrdinalIgnoreCase)
            && new ScimFilter(pair.Filter).Evaluate(pair.User.ToJson()) is { IsSuccess: true, Value: true });

        matches.Should().BeGreaterThanOrEqualTo(40, "about 95 in 5000 do");
    }

    // The interesting case of a multi-valued attribute: a filter the first e-mail address does not satisfy and a
    // later one does.
    [Fact]
    public void FiltersAndUsers_Generated_MatchOnALaterEmailOftenEnoughToTestSomething()
    {
        var samples = ScimFilterGenerators.FiltersAndUsers.Generator.Sample(5000, 10);
        var matches = samples.Count(pair =>
            pair.User.Emails.Count > 1
            && pair.Filter.ToString().Contains("emails", StringComparison.OrdinalIgnoreCase)
            && Evaluates(pair.Filter, pair.User)
            && !Evaluates(pair.Filter, new TestUser { Id = pair.User.Id, Emails = [pair.User.Emails[0]] }));

        matches.Should().BeGreaterThanOrEqualTo(40);
    }

    [Property(MaxTest = 1000)]
    public Property Parse_HostileText_NeverThrowsAndReturnsAFilterOrAnError() =>
        Prop.ForAll(ScimFilterGenerators.HostileText, CheckNeverThrows);

    [Property(MaxTest = 1000)]
    public Property Parse_ArbitraryString_NeverThrowsAndReturnsAFilterOrAnError(string? text) => CheckNeverThrows(text);

    private static bool Evaluates(FilterNode filter, TestUser user) =>
        new ScimFilter(filter).Evaluate(user.ToJson()) is { IsSuccess: true, Value: true };

    private static Property Agree(ScimFilterMap<TestUser> map, FilterNode node, TestUser user)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var parsed = ScimFilter.Parse(node.ToString());
            if (!parsed.TryGetValue(out var filter))
            {
                return Prop.Label(false, $"does not parse: {parsed.Error}");
            }

            var evaluated = filter.Evaluate(user.ToJson());
            var translated = map.Translate(filter);
            var compiled = translated.TryGetValue(out var predicate) && predicate.Compile()(user);
            return Prop.Label(
                evaluated.TryGetValue(out var inMemory) && translated.IsSuccess && inMemory == compiled,
                $"{filter} on {user}: evaluated {evaluated}, compiled {compiled} ({translated.Error})");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static Property CheckNeverThrows(string? text)
    {
        // The parser's own error carries the position; the public result answers with it as a SCIM error.
        var parsed = FilterParser.TryParseFilter(text, ScimAttributeCatalog.Default, declaredOnly: false, out var filter, out var error);
        var pathParsed = FilterParser.TryParsePath(text, out var path, out var pathError);
        var result = ScimFilter.Parse(text);
        var pathResult = AttributePath.Parse(text);
        var consistent = parsed == (filter is not null) && parsed == (error is null)
            && pathParsed == (path is not null) && pathParsed == (pathError is null)
            && (error is null || (error.ScimType == ScimErrorTypes.InvalidFilter && error.Position >= 0 && error.Position <= text!.Length && error.Message.Length > 0))
            && (pathError is null || (pathError.ScimType == ScimErrorTypes.InvalidPath && pathError.Position >= 0 && pathError.Position <= text!.Length))
            && result.IsSuccess == parsed && result.Error?.Detail == error?.ToScimError().Detail
            && pathResult.IsSuccess == pathParsed && pathResult.Error?.Detail == pathError?.ToScimError().Detail;
        if (filter is not null)
        {
            consistent &= ScimFilter.Parse(filter.ToString()) is { IsSuccess: true } again && again.Value == filter;
            filter.Evaluate(SomeUser);
            TestUser.Map.Translate(filter);
        }

        return Prop.Label(consistent, $"{text} -> {error?.ToString() ?? filter!.ToString()}");
    }
}
