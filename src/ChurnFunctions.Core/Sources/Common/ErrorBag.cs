namespace ChurnFunctions.Core.Sources;

/// <summary>Collects field errors keyed by path ("[3].total", "line 7.amount") in the shape ProblemDetails wants.</summary>
internal sealed class ErrorBag
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            messages = [];
            _errors[path] = messages;
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]>? ToDictionaryOrNull() =>
        _errors.Count == 0 ? null : _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
