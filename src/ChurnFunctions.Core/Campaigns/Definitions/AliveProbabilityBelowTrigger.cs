namespace ChurnFunctions.Core.Campaigns;

/// <summary>The model's P(alive) falls below <see cref="Threshold"/> (0 &lt; t &lt; 1).</summary>
public sealed record AliveProbabilityBelowTrigger(double Threshold) : CampaignTrigger;
