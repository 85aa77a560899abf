using System.Text;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim.Filtering;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

public sealed class ScimStringComparisonTests
{
    private static readonly Gen<string> Strings = Gen.Elements("a", "A", "_", "é", "Σ", "\uE000", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF", "\uD7FF", "z")
        .ArrayOf().Select(parts => string.Concat(parts.Take(5)));

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("\uFFFF", "\U00010000", -1)]
    [InlineData("\uE000", "\U0001F600", -1)]
    [InlineData("Z", "_", -1)]
    [InlineData("", "", 0)]
    public void Compare_OrdersByCodePoint(string left, string right, int sign)
    {
        Math.Sign(ScimStringComparison.Compare(left, right)).Should().Be(sign);
        Math.Sign(ScimStringComparison.Compare(right, left)).Should().Be(-sign);
    }

    [Property(MaxTest = 500)]
    public Property Compare_AgreesWithTheOrderOfUtf8Bytes() =>
        Prop.ForAll(Strings.Two().ToArbitrary(), pair =>
        {
            var bytes = Encoding.UTF8.GetBytes(pair.Item1).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(pair.Item2));
            return Math.Sign(ScimStringComparison.Compare(pair.Item1, pair.Item2)) == Math.Sign(bytes);
        });

    [Property(MaxTest = 1000)]
    public Property PrefixUpperBound_BoundsExactlyTheStringsThatStartWithThePrefix() =>
        Prop.ForAll(Strings.Two().ToArbitrary(), pair =>
        {
            var (value, prefix) = pair;
            var bound = ScimStringComparison.PrefixUpperBound(prefix);
            var inRange = ScimStringComparison.Compare(value, prefix) >= 0 && (bound is null || ScimStringComparison.Compare(value, bound) < 0);
            var expected = value.StartsWith(prefix, StringComparison.Ordinal);
            return (inRange == expected && (bound is not null || prefix.Length == 0 || prefix.Replace("\U0010FFFF", string.Empty, StringComparison.Ordinal).Length == 0))
                .Label($"'{value}' sw '{prefix}': range {inRange}, bound {bound}");
        });

    [Property(MaxTest = 500)]
    public Property PrefixUpperBound_OfAPrefixOfTheValue_IsAfterTheValue() =>
        Prop.ForAll(Strings.ToArbitrary(), value =>
        {
            var bound = ScimStringComparison.PrefixUpperBound(value);
            return bound is null || ScimStringComparison.Compare(value + "\U0010FFFF\U0010FFFF", bound) < 0;
        });

    [Fact]
    public void PrefixUpperBound_LoneSurrogate_HasNone()
    {
        ScimStringComparison.PrefixUpperBound("\uD800").Should().BeNull();
        ScimStringComparison.PrefixUpperBound("a\uDC00").Should().BeNull();
    }

    [Theory]
    [InlineData("José.Dover", "JOSÉ.DOVER")]
    [InlineData("σίσυφος", "ΣΊΣΥΦΟΣ")]
    [InlineData("µ", "Μ")]
    [InlineData("ſ", "S")]
    public void Fold_MapsEachCharacterToItsInvariantUpperCase(string value, string folded)
    {
        ScimStringComparison.Fold(value).Should().Be(folded);
    }
}
