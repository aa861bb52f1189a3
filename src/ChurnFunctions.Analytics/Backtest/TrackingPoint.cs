namespace ChurnFunctions.Analytics.Backtest;

public sealed record TrackingPoint(int Week, DateOnly WeekEnd, double ExpectedCumulative, int ActualCumulative);
