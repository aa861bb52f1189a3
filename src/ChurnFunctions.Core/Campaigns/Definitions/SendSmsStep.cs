namespace ChurnFunctions.Core.Campaigns;

/// <summary>An SMS; <see cref="Text"/> may hold placeholders (<see cref="Placeholders"/>).</summary>
public sealed record SendSmsStep : CampaignStep
{
    public required string Text { get; init; }
}
