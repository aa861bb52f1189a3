namespace ChurnFunctions.Core.Messaging;

/// <summary>What a provider said; <see cref="ErrorCode"/> is the provider's own code, <see cref="Detail"/> safe to log.</summary>
public sealed record SendResult(SendStatus Status, string? ProviderMessageId = null, string? ErrorCode = null, string? Detail = null)
{
    public static SendResult Sent(string? providerMessageId) => new(SendStatus.Sent, providerMessageId);
}
