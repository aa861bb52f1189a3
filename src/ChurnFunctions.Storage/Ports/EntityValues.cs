using System.Globalization;
using System.Text;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Exact text forms of domain values in table columns. Money is a string column (decimal.ToString, invariant):
/// Edm.Double would drift (0.1 + 0.2) and lose the scale. Instants are ISO 8601 text with their offset ("o"), since the
/// offset decides a purchase's local day; Edm.DateTime would keep only UTC. Long text is split over Name, Name_1, ...
/// (a property holds 64 KiB; an entity 1 MiB).
/// </summary>
internal static class EntityValues
{
    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Money(TableEntity entity, string name) =>
        entity.GetString(name) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;

    public static string Instant(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Instant(TableEntity entity, string name) =>
        entity.GetString(name) is { } text ? DateTimeOffset.ParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.None) : null;

    /// <summary>Ascending days as the first day number then the gaps: "738950,3,1,27".</summary>
    public static string Days(IReadOnlyList<DateOnly> days)
    {
        var builder = new StringBuilder(days.Count * 3);
        var previous = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var number = days[i].DayNumber;
            builder.Append(i == 0 ? string.Empty : ",").Append((number - previous).ToString(CultureInfo.InvariantCulture));
            previous = number;
        }

        return builder.ToString();
    }

    public static IReadOnlyList<DateOnly> Days(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var parts = text.Split(',');
        var days = new List<DateOnly>(parts.Length);
        var number = 0;
        foreach (var part in parts)
        {
            number += int.Parse(part, CultureInfo.InvariantCulture);
            days.Add(DateOnly.FromDayNumber(number));
        }

        return days;
    }

    public static void SetLong(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        var chunk = TableEntityJson.MaxStringLength;
        entity[name] = text.Length <= chunk ? text : text[..chunk];
        for (int i = 1, start = chunk; start < text.Length; i++, start += chunk)
        {
            entity[$"{name}_{i}"] = text.Substring(start, Math.Min(chunk, text.Length - start));
        }
    }

    public static string? GetLong(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || !entity.Contains(name + "_1"))
        {
            return first;
        }

        var builder = new StringBuilder(first);
        for (var i = 1; entity.GetString($"{name}_{i}") is { } next; i++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }
}
