namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>What an inbound message means for consent.</summary>
public enum TwilioKeyword
{
    /// <summary>An ordinary reply (HELP and INFO included: Twilio answers those itself and consent does not change).</summary>
    None,

    /// <summary>The sender withdrew consent; Twilio now answers 21610 to sends to them from this sender.</summary>
    OptOut,

    /// <summary>The sender opted back in after an opt-out.</summary>
    OptIn,
}
