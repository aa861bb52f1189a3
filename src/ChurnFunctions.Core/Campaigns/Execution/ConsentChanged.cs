using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer's consent on a channel changed. A refusal is an opt-out; a grant changes nothing here (the context carries it).</summary>
public sealed record ConsentChanged(ConsentRecord Consent) : CampaignInput;
