namespace ChurnFunctions.Core.Scoring;

/// <summary>Customers in <see cref="From"/> on one run and in <see cref="To"/> on the next; "none" where a customer was not scored.</summary>
public sealed record SegmentFlow(string From, string To, int Customers);
