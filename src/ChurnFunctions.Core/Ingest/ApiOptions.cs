namespace ChurnFunctions.Core.Ingest;

/// <summary>API keys for the generic POS endpoint, bound from "Api" (Api__Keys: comma-separated).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public string? Keys { get; set; }

    public IReadOnlyList<string> KeyList =>
        (Keys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
