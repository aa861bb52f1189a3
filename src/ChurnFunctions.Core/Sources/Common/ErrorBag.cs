namespace ChurnFunctions.Core.Sources;

/// <summary>Collects field errors keyed by path ("[3].total", "line 7.amount") in the shape ProblemDetails wants.</summary>
internal sealed class ErrorBag
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public int Count => errors.Count;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            messages = [];
            errors[path] = messages;
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]>? ToDictionaryOrNull() =>
        errors.Count == 0 ? null : errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
