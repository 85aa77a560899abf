using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Patching;

/// <summary>One operation of a SCIM <c>PATCH</c> request: what to do, where, and with which value.</summary>
/// <remarks>Immutable once read; thread-safe.</remarks>
internal sealed class PatchOperation
{
    internal PatchOperation(PatchOperationType type, AttributePath? path, JsonNode? value)
    {
        Type = type;
        Path = path;
        Value = value;
    }

    /// <summary>Gets the kind of operation.</summary>
    public PatchOperationType Type { get; }

    /// <summary>Gets the target, or <see langword="null"/> for a path-less <c>add</c>/<c>replace</c> whose value is an object of attributes.</summary>
    public AttributePath? Path { get; }

    /// <summary>Gets the value, as sent; <see langword="null"/> for a <c>remove</c> without one.</summary>
    public JsonNode? Value { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Path?.ToString() ?? "(no path)"}";
}
