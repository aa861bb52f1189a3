namespace ChurnFunctions.Analytics.Backtest;

public sealed record FrequencyRow(string Frequency, int Customers, double Expected, int Actual);
