using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>The two campaigns the demo defines before the replay, as docs/campaigns.md writes them.</summary>
public static class DemoCampaigns
{
    public const string WinBackId = "demo-win-back";
    public const string CareId = "demo-care-30";

    /// <summary>The wait between the win-back's offer and its reminder.</summary>
    public static readonly TimeSpan WinBackWait = TimeSpan.FromDays(7);

    // Email only: the demo's buyers have a demo address and email consent, no phone.
    private const string WinBack = """
        {
          "id": "demo-win-back",
          "name": "Win back customers slipping away (demo)",
          "trigger": { "type": "aliveProbabilityBelow", "threshold": 0.3 },
          "audience": { "requiredConsent": ["email"] },
          "holdoutPercent": 20,
          "attributionWindow": "30.00:00:00",
          "steps": [
            { "type": "issueCoupon", "id": "coupon", "prefix": "BACK-", "length": 10, "validFor": "30.00:00:00" },
            { "type": "sendEmail", "id": "offer", "templateId": "demo-win-back-offer",
              "templateData": { "first_name": "{{firstName|there}}", "code": "{{couponCode}}" } },
            { "type": "wait", "id": "week", "duration": "7.00:00:00" },
            { "type": "sendEmail", "id": "reminder", "templateId": "demo-win-back-reminder",
              "templateData": { "first_name": "{{firstName|there}}", "code": "{{couponCode}}" } }
          ]
        }
        """;

    private const string Care = """
        {
          "id": "demo-care-30",
          "name": "30-day care (demo)",
          "trigger": { "type": "daysAfterPurchase", "days": 30 },
          "recurring": true,
          "audience": { "requiredConsent": ["email"] },
          "exit": { "onPurchase": false },
          "holdoutPercent": 10,
          "steps": [
            { "type": "sendEmail", "id": "thanks", "templateId": "demo-care-thanks",
              "templateData": { "first_name": "{{firstName|there}}" } }
          ]
        }
        """;

    /// <summary>Both definitions, read and validated as the campaigns route would.</summary>
    public static IReadOnlyList<CampaignDefinition> All() => [Read(WinBack), Read(Care)];

    private static CampaignDefinition Read(string json)
    {
        var definition = CampaignJson.ReadDefinition(json) ?? throw new InvalidOperationException("A demo campaign reads as null.");
        if (CampaignDefinitionValidator.Validate(definition) is { } errors)
        {
            throw new InvalidOperationException(
                $"Demo campaign '{definition.Id}' is invalid: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        }

        return definition;
    }
}
