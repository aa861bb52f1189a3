namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// An email through a SendGrid dynamic template. Values in <see cref="TemplateData"/> may hold placeholders
/// (<see cref="Placeholders"/>), filled in when the step runs.
/// </summary>
public sealed record SendEmailStep : CampaignStep
{
    public required string TemplateId { get; init; }

    public IReadOnlyDictionary<string, string> TemplateData { get; init; } = new Dictionary<string, string>();

    public int? UnsubscribeGroupId { get; init; }
}
