namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// A campaign as marketing writes it (JSON through <see cref="CampaignJson.Options"/>); check it with
/// <see cref="CampaignDefinitionValidator"/> before use. Step ids are unique across the whole tree (branches included):
/// an instance's pointer, its send ids and its coupon codes are built from them, so renaming a step of a running
/// campaign ends its instances at that step (see <see cref="CompletionReason.DefinitionChanged"/>).
/// </summary>
public sealed record CampaignDefinition
{
    /// <summary>Lower-case letters, digits and '-', at most 64: it goes into instance, send and task ids.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Off: new instances complete at once (<see cref="CompletionReason.CampaignDisabled"/>), running ones stop.</summary>
    public bool Enabled { get; init; } = true;

    public required CampaignTrigger Trigger { get; init; }

    /// <summary>
    /// Day triggers only (birthday, days after purchase, fixed date): on, a customer enters once per run key (the year
    /// of the birthday, the purchase day, the date); off, once ever. Other triggers enter a customer once ever.
    /// </summary>
    public bool Recurring { get; init; } = true;

    public AudienceFilter Audience { get; init; } = new();

    public required IReadOnlyList<CampaignStep> Steps { get; init; }

    public ExitConditions Exit { get; init; } = new();

    /// <summary>Share of entrants kept as a control group that receives nothing, 0 &lt;= p &lt; 100.</summary>
    public double HoldoutPercent { get; init; } = 10;

    /// <summary>
    /// How long after the campaign's nominal end a purchase still counts as a conversion, for treatment and holdout
    /// alike (see <see cref="CampaignPlan.NominalDuration"/>).
    /// </summary>
    public TimeSpan AttributionWindow { get; init; } = TimeSpan.FromDays(14);
}
