namespace ChurnFunctions.Core.Campaigns;

/// <summary>One group's totals: customers who entered, how many converted, and the revenue of those conversions.</summary>
public sealed record GroupOutcome(int Entered, int Converted, decimal Revenue);
