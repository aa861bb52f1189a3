namespace ChurnFunctions.Core.Customers;

/// <summary>The latest marketing consent statement for one channel, as the API shows it.</summary>
public sealed record ConsentView(string Channel, bool Granted, string Source, DateTimeOffset At);
