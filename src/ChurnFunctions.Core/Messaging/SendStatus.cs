namespace ChurnFunctions.Core.Messaging;

public enum SendStatus
{
    /// <summary>The provider accepted it; <see cref="SendResult.ProviderMessageId"/> names it.</summary>
    Sent,

    /// <summary>Worth trying again later (429, 5xx, timeouts) once the adapter's own retries are spent.</summary>
    Transient,

    /// <summary>Rejected for good (other 4xx): do not retry.</summary>
    Rejected,

    /// <summary>The recipient opted out at the provider (Twilio 21610): record it as consent withdrawn.</summary>
    OptedOut,

    /// <summary>The address or number cannot receive (Twilio 21211, invalid email).</summary>
    InvalidRecipient,
}
