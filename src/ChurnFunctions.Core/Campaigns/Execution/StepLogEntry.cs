namespace ChurnFunctions.Core.Campaigns;

/// <summary>One line of an instance's history; <see cref="Detail"/> is a provider id, a skip reason or a coupon code.</summary>
public sealed record StepLogEntry(string StepId, StepOutcome Outcome, DateTimeOffset At, string? Detail = null);
