using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Testing;

/// <summary>
/// A logger provider that keeps everything at every level, for every category: the formatted message, each structured
/// state value, the exception with its inner exceptions and stack, and the values of every scope opened. Tests use it
/// to prove what never reaches any log sink.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>The entries in which any of <paramref name="values"/> occurs (ordinal, ignoring case), with the value found.</summary>
    public IReadOnlyList<(CapturedLog Entry, string Value)> Containing(IEnumerable<string> values)
    {
        var needles = values.Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. from entry in Entries
                   from text in entry.Texts
                   from needle in needles
                   where text.Contains(needle, StringComparison.OrdinalIgnoreCase)
                   select (entry, needle)];
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new CapturedLog(category, LogLevel.None, "(scope)", Values(state), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), Values(state), exception?.ToString()));

        private static IReadOnlyList<string> Values(object? state) => state switch
        {
            null => [],
            IEnumerable<KeyValuePair<string, object?>> pairs => [.. pairs.Select(p => $"{p.Key}={Text(p.Value)}")],
            _ => [Text(state)],
        };

        private static string Text(object? value) => value switch
        {
            null => "",
            string s => s,
            IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}

/// <summary>One log call (or scope) as the capture saw it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<string> StateValues, string? Exception)
{
    /// <summary>Every text a sink could write: the message, each state value and the exception.</summary>
    public IEnumerable<string> Texts => [Message, .. StateValues, .. Exception is null ? [] : new[] { Exception }];

    public override string ToString() => $"{Level} {Category}: {Message}";
}
