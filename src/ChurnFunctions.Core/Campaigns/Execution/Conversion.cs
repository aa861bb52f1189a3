namespace ChurnFunctions.Core.Campaigns;

/// <summary>The first purchase between entry and the conversion deadline.</summary>
public sealed record Conversion(DateTimeOffset At, decimal Amount);
