namespace MembershipStates.AspNetCore;

/// <summary>
/// One asynchronous lock per key, created on first use and dropped when nobody holds or waits for it.
/// </summary>
/// <remarks>
/// Serializes the changes to one member within this process, so that a provider's burst of requests on one user
/// queues instead of losing optimistic-concurrency races and exhausting its retries. Correctness never depends on it:
/// across processes the store's version check and the retries keep every change consistent. Thread-safe.
/// </remarks>
internal sealed class KeyedLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public async ValueTask<Holder> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, held: false);
            throw;
        }

        return new Holder(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Holds a key's lock until disposed.</summary>
    internal readonly struct Holder : IDisposable
    {
        private readonly KeyedLocks _owner;
        private readonly string _key;
        private readonly Entry _entry;

        public Holder(KeyedLocks owner, string key, Entry entry)
        {
            _owner = owner;
            _key = key;
            _entry = entry;
        }

        public void Dispose() => _owner.Leave(_key, _entry, held: true);
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        // Holders and waiters; guarded by the dictionary's lock.
        public int Users { get; set; }
    }
}
