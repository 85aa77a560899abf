namespace MembershipStates.Testing.Hosting;

/// <summary>
/// Holds the next member commit of the first instance until it is released: how the kit makes a race happen the
/// same way every time (one request has read and decided, another commits, then the first commits).
/// </summary>
/// <remarks>Thread-safe. Armed for one commit at a time.</remarks>
internal sealed class CommitGate
{
    private readonly object _lock = new();
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Holds the next commit; returns a task that completes when a commit reaches the gate.</summary>
    public Task Arm()
    {
        lock (_lock)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reached.Task;
        }
    }

    /// <summary>Lets the held commit go on; disarms the gate if no commit reached it.</summary>
    public void Release()
    {
        TaskCompletionSource? release;
        lock (_lock)
        {
            release = _release;
            _reached = null;
            _release = null;
        }

        release?.TrySetResult();
    }

    /// <summary>Called before each commit: waits while the gate holds it.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? release = null;
        lock (_lock)
        {
            if (_reached is { Task.IsCompleted: false } reached)
            {
                reached.TrySetResult();
                release = _release;
            }
        }

        if (release is not null)
        {
            await release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
