using System.Diagnostics.CodeAnalysis;

namespace MembershipStates.Testing;

/// <summary>
/// Reports that the store under test broke a rule: which rule, the requests that show it, what was expected and
/// what the store answered.
/// </summary>
/// <remarks>
/// <para>Thrown by every test of <see cref="ScimMemberStoreTests"/> and <see cref="ScimGroupStoreTests"/> that
/// fails. For the model-based property, <see cref="Requests"/> is the smallest failing sequence FsCheck shrank to,
/// as the HTTP requests that reproduce it against a fresh organization (ids are those of the failing run).</para>
/// <para>Immutable.</para>
/// </remarks>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created only by the kit, always with its data; a message-only constructor would report nothing a person can act on.")]
public sealed class ScimConformanceException : Exception
{
    internal ScimConformanceException(string rule, string requests, string expected, string actual)
        : base(Describe(rule, requests, expected, actual))
    {
        Rule = rule;
        Requests = requests;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the rule the store broke: a cell of the lifecycle table, a rule of groups, races or organizations, or a step of a provider's script.</summary>
    public string Rule { get; }

    /// <summary>Gets the requests that show it, in order, each with the status it was answered; the last is the one that failed.</summary>
    public string Requests { get; }

    /// <summary>Gets what the rule expects of the answer or of the store's state.</summary>
    public string Expected { get; }

    /// <summary>Gets what the store answered instead.</summary>
    public string Actual { get; }

    private static string Describe(string rule, string requests, string expected, string actual) =>
        $"""
        The store broke a rule of MembershipStates.
        Rule: {rule}
        Expected: {expected}
        Store answered: {actual}
        Requests (a fresh organization; replay them in order):
        {requests}
        """;
}
