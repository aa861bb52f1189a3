namespace ChurnFunctions.SelfHost.Tests.Hosting;

/// <summary>The failure guard on waits for a signal: generous, so only a broken behaviour ever reaches it.</summary>
internal static class Safety
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);
}
