using System.Reflection;
using System.Text.Json;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Functions.Tests.Metadata;

/// <summary>
/// The <c>functions.metadata</c> the worker SDK generated when it built the app: what the Functions host indexes,
/// so what Azure will actually run.
/// </summary>
public static class FunctionIndex
{
    private static readonly Lazy<IReadOnlyList<IndexedFunction>> Functions = new(Load);

    public static IReadOnlyList<IndexedFunction> All => Functions.Value;

    public static string AppOutput
    {
        get
        {
            // The app is built in the same configuration as these tests (the solution build builds both).
            var configuration = typeof(FunctionIndex).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return Path.Combine(RepositoryRoot.Path, "src", "ChurnFunctions", "bin", configuration, "net10.0");
        }
    }

    private static IReadOnlyList<IndexedFunction> Load()
    {
        var path = Path.Combine(AppOutput, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(IndexedFunction.From).ToList();
    }
}

public sealed record IndexedFunction(string Name, string EntryPoint, IReadOnlyList<IndexedBinding> Bindings)
{
    public IndexedBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public static IndexedFunction From(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        function.GetProperty("entryPoint").GetString()!,
        function.GetProperty("bindings").EnumerateArray().Select(IndexedBinding.From).ToList());
}

public sealed record IndexedBinding(
    string Type,
    string? Route,
    IReadOnlyList<string> Methods,
    string? AuthLevel,
    string? QueueName,
    string? Connection,
    string? Schedule)
{
    public static IndexedBinding From(JsonElement binding) => new(
        binding.GetProperty("type").GetString()!,
        Text(binding, "route"),
        binding.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
        Text(binding, "authLevel"),
        Text(binding, "queueName"),
        Text(binding, "connection"),
        Text(binding, "schedule"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
