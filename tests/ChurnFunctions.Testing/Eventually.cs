using System.Runtime.CompilerServices;

namespace ChurnFunctions.Testing;

/// <summary>Waiting on a condition, not on time: what every test that waits for queues, runners or engines uses.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> until <paramref name="condition"/> holds, within a generous guard (90 s by
    /// default, so a loaded machine is slow rather than failing); the timeout names what was awaited.
    /// </summary>
    public static async Task<T> HoldsAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> condition,
        TimeSpan? guard = null,
        [CallerArgumentExpression(nameof(probe))] string awaited = "",
        [CallerArgumentExpression(nameof(condition))] string expected = "")
    {
        var limit = guard ?? TimeSpan.FromSeconds(90);
        using var timeout = new CancellationTokenSource(limit);
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        while (!timeout.IsCancellationRequested);

        throw new TimeoutException($"Waited {limit} for {awaited} to satisfy {expected}; last value: {last}");
    }
}
