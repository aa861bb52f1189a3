using System.Text.Json;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// A "campaign-wakeups" message carrying many starts queued by one enrollment pass, for
/// <see cref="CampaignRunner.HandleStartsAsync"/>: one queue write per batch instead of three round trips per customer.
/// </summary>
public sealed record StartBatchMessage(IReadOnlyList<CampaignStartRequest> Starts)
{
    /// <summary>Starts per message: at most 64, and (with the ids' sizes) well under a queue message's 64 KB once base64.</summary>
    public const int MaxStarts = 64;

    private const int MaxJsonChars = 32_000;

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>The batch in a message body, or null when the body is another message (a single wake-up).</summary>
    /// <exception cref="JsonException">A batch that names no start: let it fail to the poison queue.</exception>
    public static StartBatchMessage? TryParse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("starts", out _))
        {
            return null;
        }

        return document.RootElement.Deserialize<StartBatchMessage>(JsonSerializerOptions.Web) is { Starts.Count: > 0 } batch
            && batch.Starts.All(s => !string.IsNullOrEmpty(s.CampaignId) && !string.IsNullOrEmpty(s.CustomerId))
            ? batch
            : throw new JsonException("The start batch names no start, or a start without its campaign or customer.");
    }

    /// <summary>Cuts <paramref name="starts"/> into messages of at most <see cref="MaxStarts"/> and about 32,000 characters.</summary>
    public static IEnumerable<StartBatchMessage> Split(IEnumerable<CampaignStartRequest> starts)
    {
        var batch = new List<CampaignStartRequest>(MaxStarts);
        var chars = 0;
        foreach (var start in starts)
        {
            var size = 64 + start.CampaignId.Length + start.CustomerId.Length + (start.RunKey?.Length ?? 4);
            if (batch.Count == MaxStarts || (batch.Count > 0 && chars + size > MaxJsonChars))
            {
                yield return new StartBatchMessage(batch);
                batch = new List<CampaignStartRequest>(MaxStarts);
                chars = 0;
            }

            batch.Add(start);
            chars += size;
        }

        if (batch.Count > 0)
        {
            yield return new StartBatchMessage(batch);
        }
    }
}
