using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// API keys per scope, bound from "Api" by <see cref="ApiKeyList"/>: each setting takes one key, a comma-separated
/// list (<c>Api__Keys=a,b</c>) or the array form (<c>Api__Keys__0=a</c>, <c>Api__Keys__1=b</c>); an empty value is
/// unset. A scope with no keys refuses every request (fail closed).
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";

    /// <summary>Shorter keys are refused at start: a key is the only thing between the internet and customer data.</summary>
    public const int MinKeyLength = 16;

    /// <summary>Keys for sending sales (POS JSON, CSV and CDNOW imports).</summary>
    public IReadOnlyList<string> Keys { get; set; } = [];

    /// <summary>
    /// Keys for the routes that show customer data (customers, analytics, alerts, outbox, campaigns). Unset, the
    /// ingest keys open them too; set it so that a key kept on a till can send sales but not read every customer's contacts.
    /// </summary>
    public IReadOnlyList<string> ReadKeys { get; set; } = [];

    /// <summary>
    /// Keys for exporting and erasing a customer's data. Unset, those routes refuse every request: no other key
    /// stands in, since a leaked till or reporting key must not be able to delete customers.
    /// </summary>
    public IReadOnlyList<string> AdminKeys { get; set; } = [];

    /// <summary>The keys that open routes of <paramref name="scope"/>; empty means every request is refused.</summary>
    public IReadOnlyList<string> KeysFor(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.Ingest => Keys,
        ApiKeyScope.Read => ReadKeys.Count > 0 ? ReadKeys : Keys,
        ApiKeyScope.Admin => AdminKeys,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (member, keys) in new[] { (nameof(Keys), Keys), (nameof(ReadKeys), ReadKeys), (nameof(AdminKeys), AdminKeys) })
        {
            // The shortest length only, never the key: the message goes to logs.
            var shortest = keys.Count == 0 ? int.MaxValue : keys.Min(k => k.Length);
            if (shortest < MinKeyLength)
            {
                yield return new ValidationResult(
                    $"every key must be at least {MinKeyLength} characters; one has {shortest}. Generate one with `openssl rand -hex 32`.",
                    [member]);
            }
        }
    }
}
