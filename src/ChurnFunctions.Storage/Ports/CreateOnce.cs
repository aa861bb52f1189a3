namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Creates a table, queue or container on first use and remembers that it exists. Concurrent first uses may both
/// create; "already exists" is success, so that is harmless.
/// </summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await create(cancellationToken).ConfigureAwait(false);
        _done = true;
    }
}
