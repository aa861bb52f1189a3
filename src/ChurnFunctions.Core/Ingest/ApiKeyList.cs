using Microsoft.Extensions.Configuration;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Reads a key list setting in both of its .NET spellings. The configuration binder takes either a scalar or an array
/// for a property, never both, and a scalar property under <c>Api__Keys__0</c> fails on first use, as a 500 on every
/// keyed route; so the "Api" section is read here, at start, and validated there.
/// </summary>
public static class ApiKeyList
{
    /// <summary>Binds <see cref="ApiOptions"/> from <paramref name="section"/> ("Api").</summary>
    public static void Bind(IConfigurationSection section, ApiOptions options)
    {
        options.Keys = Read(section.GetSection(nameof(ApiOptions.Keys)));
        options.ReadKeys = Read(section.GetSection(nameof(ApiOptions.ReadKeys)));
        options.AdminKeys = Read(section.GetSection(nameof(ApiOptions.AdminKeys)));
    }

    /// <summary>The section's own value and each child's (<c>__0</c>, <c>__1</c>...), each split at commas; blanks are dropped.</summary>
    public static IReadOnlyList<string> Read(IConfigurationSection section) =>
        [.. Parse(section.Value), .. section.GetChildren().SelectMany(child => Parse(child.Value))];

    /// <summary>A comma-separated list; null or blank is no keys (a template deploys unset settings as "").</summary>
    public static IReadOnlyList<string> Parse(string? keys) =>
        (keys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
