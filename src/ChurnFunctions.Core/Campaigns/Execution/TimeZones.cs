using System.Collections.Concurrent;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// IANA ids to <see cref="TimeZoneInfo"/>, cached. Reads the machine's tz database: replays of one instance must run
/// on machines with the same rules for the same answers (true within a deployment).
/// </summary>
internal static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : Cache.GetOrAdd(id.Trim(), static key =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return null;
            }
        });
}
