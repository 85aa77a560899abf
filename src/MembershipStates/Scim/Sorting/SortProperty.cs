using System.Linq.Expressions;

namespace MembershipStates.Scim.Sorting;

/// <summary>Where a sort key is read on a host's entity: a mapped property, or the representative value of a multi-valued attribute.</summary>
/// <param name="Value">The expression reading the key, over <paramref name="Entity"/>.</param>
/// <param name="Entity">The entity parameter <paramref name="Value"/> reads.</param>
/// <param name="Normalize">How the host normalized the stored value, or <see langword="null"/> when it is stored as sent.</param>
internal sealed record SortProperty(Expression Value, ParameterExpression Entity, Func<string, string>? Normalize);
