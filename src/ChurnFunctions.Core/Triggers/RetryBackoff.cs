namespace ChurnFunctions.Core.Triggers;

/// <summary>
/// How long a failed queue message waits before its next attempt: <c>first * 2^(attempt - 1)</c>, capped. Both hosts
/// use it, so a message that cannot succeed yet (a refund before its order) waits longer on each attempt instead of
/// spending all of them within a second.
/// </summary>
public static class RetryBackoff
{
    /// <param name="first">The wait after the first failed attempt.</param>
    /// <param name="cap">The longest wait.</param>
    /// <param name="failedAttempt">The attempt that failed, from 1.</param>
    public static TimeSpan Delay(TimeSpan first, TimeSpan cap, long failedAttempt)
    {
        // Past 2^30 any base above a tick is beyond the cap, and the shift would overflow.
        var doublings = (int)Math.Clamp(failedAttempt - 1, 0, 30);
        var ticks = first.Ticks;
        return ticks > cap.Ticks >> doublings ? cap : TimeSpan.FromTicks(ticks << doublings);
    }
}
