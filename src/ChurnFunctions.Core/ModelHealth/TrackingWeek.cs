namespace ChurnFunctions.Core.ModelHealth;

/// <summary>One holdout week: repeat purchase days the model expected and those that happened, in the week and so far.</summary>
public sealed record TrackingWeek(int Week, DateOnly End, double Expected, int Actual, double ExpectedCumulative, int ActualCumulative);
