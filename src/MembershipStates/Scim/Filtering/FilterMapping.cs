using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering;

/// <summary>Where one SCIM attribute lives on a host's entity, and how the host normalized what it stored there.</summary>
/// <param name="Property">The lambda that reads the property from the entity.</param>
/// <param name="Normalize">
/// The function the host applied to the value before storing it in <paramref name="Property"/>, such as
/// <see cref="string.ToUpperInvariant()"/>; <see langword="null"/> when the property holds the value as sent.
/// </param>
internal sealed record FilterMapping(LambdaExpression Property, Func<string, string>? Normalize);
