namespace MembershipStates.Testing.Model;

/// <summary>The <c>If-Match</c> a change carries.</summary>
internal enum Precondition
{
    None,
    Current,
    Stale,
}
