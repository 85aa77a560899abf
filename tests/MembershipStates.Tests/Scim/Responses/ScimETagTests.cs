using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimETagTests
{
    [Theory]
    [InlineData(1, "W/\"1\"")]
    [InlineData(7, "W/\"7\"")]
    [InlineData(long.MaxValue, "W/\"9223372036854775807\"")]
    public void FromVersion_Version_IsAWeakTag(long version, string expected)
    {
        ScimETag.FromVersion(version).Should().Be(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FromVersion_BelowOne_Throws(long version)
    {
        var act = () => ScimETag.FromVersion(version);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("W/\"7\"", 7)]
    [InlineData("\"7\"", 7)]
    [InlineData("  W/\"42\"\t", 42)]
    [InlineData("W/\"9223372036854775807\"", long.MaxValue)]
    public void TryParseVersion_TagOfAVersion_ReadsIt(string tag, long expected)
    {
        ScimETag.TryParseVersion(tag, out var version).Should().BeTrue();
        version.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("W/7")]
    [InlineData("w/\"7\"")]
    [InlineData("W/\"07\"")]
    [InlineData("W/\"0\"")]
    [InlineData("W/\"-7\"")]
    [InlineData("W/\"+7\"")]
    [InlineData("W/\"7.0\"")]
    [InlineData("W/\"abc\"")]
    [InlineData("W/\"\"")]
    [InlineData("W/\"7")]
    [InlineData("W/\"9223372036854775808\"")]
    [InlineData("W/\" 7\"")]
    [InlineData("*")]
    public void TryParseVersion_NotTheTagOfAVersion_IsFalse(string? tag)
    {
        ScimETag.TryParseVersion(tag, out var version).Should().BeFalse();
        version.Should().Be(0);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(123456789L)]
    public void TryParseVersion_OfFromVersion_RoundTrips(long version)
    {
        ScimETag.TryParseVersion(ScimETag.FromVersion(version), out var back).Should().BeTrue();
        back.Should().Be(version);
    }
}
