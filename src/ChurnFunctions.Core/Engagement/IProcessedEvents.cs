namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Provider event ids already handled (SendGrid's sg_event_id, Twilio's MessageSid), so a redelivery is processed once.
/// A claim is an insert-if-absent; a handler that fails after claiming releases the claim so the retry runs again.
/// </summary>
public interface IProcessedEvents
{
    /// <summary>True when this call claimed the id (first time seen); false when it was claimed before.</summary>
    Task<bool> TryClaimAsync(string source, string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets a claim, so a redelivery is processed again. Missing claims are ignored.</summary>
    Task ReleaseAsync(string source, string eventId, CancellationToken cancellationToken);
}
