namespace ChurnFunctions.SelfHost.Commands;

/// <summary>
/// Reports on the caller's thread, in order: <see cref="Progress{T}"/> posts to the thread pool, so a late report
/// could overwrite the bar's final state.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
