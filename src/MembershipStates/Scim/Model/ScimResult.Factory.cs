namespace MembershipStates.Scim;

/// <summary>
/// Creates <see cref="ScimResult{T}"/> values, so that a host's own steps over SCIM input (a store's query, a
/// handler's read) answer in the same style as the package's.
/// </summary>
public static class ScimResult
{
    private static readonly ScimResult<bool> True = ScimResult<bool>.Success(true);
    private static readonly ScimResult<bool> False = ScimResult<bool>.Success(false);

    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">What the step read or decided; <see langword="null"/> only when <typeparamref name="T"/> is a nullable type, as the adapter reads a store's page without checking.</param>
    /// <returns>The result.</returns>
    public static ScimResult<T> Success<T>(T value) => ScimResult<T>.Success(value);

    /// <summary>Creates a result that refuses the input.</summary>
    /// <typeparam name="T">The type the value would have had.</typeparam>
    /// <param name="error">The error that answers the request.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static ScimResult<T> Failure<T>(ScimError error) => ScimResult<T>.Failure(error);

    /// <summary>Returns the shared successful result holding <paramref name="value"/>: a filter evaluated against many resources answers with these.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A shared instance.</returns>
    internal static ScimResult<bool> Boolean(bool value) => value ? True : False;
}
