namespace MembershipStates;

/// <summary>
/// A problem found in what a host stored, reported as a value with a stable code.
/// </summary>
/// <remarks>Codes are the constants of <see cref="MembershipErrorCodes"/>. Immutable and thread-safe.</remarks>
public sealed class MembershipError
{
    internal MembershipError(string code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>Gets the stable code, one of <see cref="MembershipErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets a message a developer can act on.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
