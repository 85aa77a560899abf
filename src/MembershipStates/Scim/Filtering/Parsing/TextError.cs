namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>Why a filter or path is refused, and where in its text.</summary>
/// <param name="Position">The index of the character the problem is at.</param>
/// <param name="Message">The message, from <see cref="Messages.FilterMessages"/>.</param>
internal sealed record TextError(int Position, string Message)
{
    /// <summary>Returns the error a caller sees.</summary>
    /// <param name="scimType">The <c>scimType</c>: <see cref="ScimErrorTypes.InvalidFilter"/> or <see cref="ScimErrorTypes.InvalidPath"/>.</param>
    /// <returns>The error.</returns>
    public FilterError ToFilterError(string scimType) => new(scimType, Message, Position);
}
