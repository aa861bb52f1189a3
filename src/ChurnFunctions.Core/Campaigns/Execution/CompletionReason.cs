namespace ChurnFunctions.Core.Campaigns;

/// <summary>Why an instance stopped messaging (<see cref="CampaignInstanceState.ExitReason"/>) or finished.</summary>
public enum CompletionReason
{
    /// <summary>The customer bought: the campaign's exit, or a conversion while tracking.</summary>
    Purchase,

    /// <summary>Every step ran (or was skipped) and the attribution window closed without a purchase.</summary>
    StepsFinished,

    /// <summary>Holdout: the attribution window closed without a purchase.</summary>
    Holdout,

    OptOut,

    Complaint,

    HardBounce,

    /// <summary>The customer is outside the audience, or do-not-contact, at <see cref="Start"/>.</summary>
    NotEligible,

    CampaignDisabled,

    /// <summary>The instance's current step is no longer in the definition.</summary>
    DefinitionChanged,
}
