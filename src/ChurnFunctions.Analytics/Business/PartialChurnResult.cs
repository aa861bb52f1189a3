namespace ChurnFunctions.Analytics.Business;

/// <summary>Trailing spend against the baseline, both per trailing window.</summary>
/// <param name="HasBaseline">False when the customer's history before the trailing window is shorter than the minimum or has no spend.</param>
/// <param name="Drop">1 - trailing / baseline (negative when spend grew); NaN without a baseline.</param>
public sealed record PartialChurnResult(bool IsPartialChurn, bool HasBaseline, double TrailingSpend, double BaselineSpend, double Drop);
