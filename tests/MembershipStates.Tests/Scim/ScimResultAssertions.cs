using FluentAssertions;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim;

/// <summary>Asserts that a <see cref="ScimResult{T}"/> refused its input, and hands over the error to assert on.</summary>
internal static class ScimResultAssertions
{
    public static ScimError ShouldFail<T>(this ScimResult<T> result)
    {
        result.IsSuccess.Should().BeFalse($"the input should be refused, but the result is {result}");
        return result.Error!;
    }
}
