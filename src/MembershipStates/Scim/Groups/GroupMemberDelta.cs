using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Patching;

namespace MembershipStates.Scim.Groups;

/// <summary>
/// The member changes of a Group <c>PATCH</c>, composed in order: later operations act on what earlier ones left.
/// </summary>
/// <remarks>
/// <para>Reads every shape Okta and Microsoft Entra ID send: <c>add</c> of one member or several, <c>remove</c> of
/// <c>members[value eq "…"]</c>, Entra's <c>remove</c> of <c>members</c> with a value (only the members listed),
/// <c>remove</c> without a value (every member), <c>replace</c>. Member ids are read by <see cref="GroupMemberValues"/>.</para>
/// <para>Added and removed never share an id: adding one removes it from the removed, and the reverse. After a
/// replace, <see cref="Replaces"/> is true, the added are the whole new list and nothing is removed — a removal
/// then only takes an id out of the new list.</para>
/// <para>Not thread-safe; one per request.</para>
/// </remarks>
internal sealed class GroupMemberDelta
{
    private readonly OrderedIdSet _added = new();
    private readonly OrderedIdSet _removed = new();

    /// <summary>Gets a value indicating whether the members are replaced by <see cref="Added"/>.</summary>
    public bool Replaces { get; private set; }

    /// <summary>Gets the ids to add, in the order first sent.</summary>
    public string[] Added => _added.ToArray();

    /// <summary>Gets the ids to remove, in the order first sent.</summary>
    public string[] Removed => _removed.ToArray();

    /// <summary>Applies an operation on <c>members</c>.</summary>
    /// <param name="type">The operation.</param>
    /// <param name="path">The path: <c>members</c>, or <c>members[value eq "…"]</c> for a remove.</param>
    /// <param name="value">The members sent, or <see langword="null"/>.</param>
    /// <param name="error">A 400 <c>invalidPath</c>, <c>invalidFilter</c> or <c>invalidValue</c>, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the operation applied.</returns>
    public bool TryApply(PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (path.SubAttribute is not null)
        {
            error = PatchErrors.MemberSubAttribute(path);
            return false;
        }

        if (path.ValueFilter is { } filter)
        {
            if (type != PatchOperationType.Remove)
            {
                error = PatchErrors.MemberFilterOnAdd(path);
                return false;
            }

            if (!GroupMemberValues.TrySelect(filter, out var selected))
            {
                error = PatchErrors.MemberFilterNotByValue(path);
                return false;
            }

            foreach (var member in selected)
            {
                Remove(member);
            }

            error = null;
            return true;
        }

        if (type != PatchOperationType.Add && value is null)
        {
            // A remove without a value empties the group (RFC 7644 §3.5.2.2); a replace with null leaves it empty.
            ReplaceWith([]);
            error = null;
            return true;
        }

        if (!GroupMemberValues.TryRead(value, out var values, out error))
        {
            return false;
        }

        switch (type)
        {
            case PatchOperationType.Add:
                foreach (var member in values)
                {
                    Add(member);
                }

                break;
            case PatchOperationType.Remove:
                // Entra's default form removes only the members listed; emptying the group here is a classic bug.
                foreach (var member in values)
                {
                    Remove(member);
                }

                break;
            default:
                ReplaceWith(values);
                break;
        }

        error = null;
        return true;
    }

    private void Add(string member)
    {
        _removed.Remove(member);
        _added.Add(member);
    }

    private void Remove(string member)
    {
        _added.Remove(member);
        if (!Replaces)
        {
            _removed.Add(member);
        }
    }

    private void ReplaceWith(IEnumerable<string> members)
    {
        Replaces = true;
        _removed.Clear();
        _added.Clear();
        foreach (var member in members)
        {
            _added.Add(member);
        }
    }
}
