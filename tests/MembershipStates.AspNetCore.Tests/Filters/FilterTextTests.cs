using FluentAssertions;
using Xunit;

namespace MembershipStates.AspNetCore.Tests.Filters;

public sealed class FilterTextTests
{
    [Fact]
    public void Shrink_GivesTheOperands_AndSkipsParenthesesInQuotedValues()
    {
        FilterText.Shrink("not (a pr)").Should().Equal("a pr");
        FilterText.Shrink("(a eq \"x)(\") and ((b pr) or (c pr))").Should().Equal("a eq \"x)(\"", "(b pr) or (c pr)");
        FilterText.Shrink("(a pr) or (b pr)").Should().Equal("a pr", "b pr");
        FilterText.Shrink("a pr").Should().BeEmpty();
    }
}
