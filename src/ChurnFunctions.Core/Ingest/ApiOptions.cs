namespace ChurnFunctions.Core.Ingest;

/// <summary>API keys, bound from "Api": Api__Keys for the POS and import routes, Api__ReadKeys for the read routes.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public string? Keys { get; set; }

    /// <summary>
    /// Keys for the routes that show customer data (customers, analytics, alerts, outbox, campaigns). Unset, the POS
    /// keys open them too; set it so that a key kept on a till can send sales but not read every customer's contacts.
    /// </summary>
    public string? ReadKeys { get; set; }

    /// <summary>Keys for the admin routes (export and erasure of a customer). Unset, those routes refuse every request.</summary>
    public string? AdminKeys { get; set; }

    public IReadOnlyList<string> KeyList => Split(Keys);

    public IReadOnlyList<string> AdminKeyList => Split(AdminKeys);

    public IReadOnlyList<string> ReadKeyList => string.IsNullOrWhiteSpace(ReadKeys) ? KeyList : Split(ReadKeys);

    private static string[] Split(string? keys) =>
        (keys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
