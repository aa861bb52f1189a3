namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Which events end the campaign's messaging. All on by default. Off, an opt-out or bounce still stops its own
/// channel; a purchase is still recorded as the conversion.
/// </summary>
public sealed record ExitConditions
{
    public bool OnPurchase { get; init; } = true;

    /// <summary>An opt-out on any channel (unsubscribe, STOP reply, consent withdrawn, provider opt-out).</summary>
    public bool OnOptOut { get; init; } = true;

    /// <summary>A spam report.</summary>
    public bool OnComplaint { get; init; } = true;

    /// <summary>A hard bounce or an invalid email address.</summary>
    public bool OnHardBounce { get; init; } = true;
}
