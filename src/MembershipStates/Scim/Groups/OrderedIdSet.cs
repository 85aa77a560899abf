namespace MembershipStates.Scim.Groups;

/// <summary>A set of ids, compared exactly, that remembers the order they were first added in.</summary>
/// <remarks>Not thread-safe; one per request.</remarks>
internal sealed class OrderedIdSet
{
    private readonly List<string> _items = [];
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    public void Add(string item)
    {
        if (_set.Add(item))
        {
            _items.Add(item);
        }
    }

    public void Remove(string item)
    {
        if (_set.Remove(item))
        {
            _items.Remove(item);
        }
    }

    public void Clear()
    {
        _items.Clear();
        _set.Clear();
    }

    public string[] ToArray() => [.. _items];
}
