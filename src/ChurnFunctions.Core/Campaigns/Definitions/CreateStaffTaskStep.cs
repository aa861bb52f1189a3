namespace ChurnFunctions.Core.Campaigns;

/// <summary>A task for the store's staff, e.g. "Call {{firstName}} about the order". <see cref="Text"/> may hold placeholders.</summary>
public sealed record CreateStaffTaskStep : CampaignStep
{
    public required string Text { get; init; }
}
