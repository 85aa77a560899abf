using System.Diagnostics.CodeAnalysis;

namespace MembershipStates.Scim;

/// <summary>
/// The result of a call that can refuse SCIM input: what it read or decided, or the <see cref="ScimError"/> that
/// answers the request.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// <para>Input errors are values, never exceptions: check <see cref="IsSuccess"/>, then use <see cref="Value"/>,
/// or answer <see cref="Error"/> with <see cref="ScimResponse.FromError"/>. A host's own steps create one with
/// <see cref="ScimResult.Success{T}"/> and <see cref="ScimResult.Failure{T}"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimResult<T>
{
    private readonly T? _value;

    private ScimResult(T? value, ScimError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the input was accepted; then <see cref="Error"/> is <see langword="null"/>.</summary>
    /// <remarks>A success may hold <see langword="null"/> when <typeparamref name="T"/> allows it, as
    /// <see cref="ScimSort.Parse(string?, string?)"/> does for a request without <c>sortBy</c>.</remarks>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Gets what the call read or decided.</summary>
    /// <exception cref="InvalidOperationException">The input was refused; <see cref="Error"/> says why.</exception>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The input was refused ({Error.Status} {Error.ScimType}): {Error.Detail}");

    /// <summary>Gets the error that answers the request, or <see langword="null"/> when the input was accepted.</summary>
    public ScimError? Error { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">What the call read or decided.</param>
    /// <returns>The result.</returns>
    internal static ScimResult<T> Success(T value) => new(value, null);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error that answers the request.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    internal static ScimResult<T> Failure(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    /// <summary>Gets the value when the input was accepted.</summary>
    /// <param name="value">The value, or <c>default</c> when the input was refused.</param>
    /// <returns><see langword="true"/> when the input was accepted; when <see langword="false"/>, <see cref="Error"/> is not <see langword="null"/>.</returns>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success: {_value}" : $"Failure: {Error}";
}
