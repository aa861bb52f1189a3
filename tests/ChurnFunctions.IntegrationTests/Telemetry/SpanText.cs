using System.Diagnostics;

namespace ChurnFunctions.IntegrationTests.Telemetry;

/// <summary>Every piece of text a span would export: its name, status description, tags, events and their tags.</summary>
internal static class SpanText
{
    public static IEnumerable<string> Of(Activity span)
    {
        yield return span.DisplayName;
        if (span.StatusDescription is { } status)
        {
            yield return status;
        }

        foreach (var (key, value) in span.TagObjects)
        {
            yield return $"{key}={value}";
        }

        foreach (var e in span.Events)
        {
            yield return e.Name;
            foreach (var (key, value) in e.Tags)
            {
                yield return $"{key}={value}";
            }
        }

        foreach (var link in span.Links)
        {
            foreach (var (key, value) in link.Tags ?? [])
            {
                yield return $"{key}={value}";
            }
        }
    }
}
