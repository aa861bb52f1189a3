namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>
/// Customers (instances) of one group, at the campaign or at one step. <see cref="Delivered"/> is null: delivery events
/// are not kept in the instance state (only clicks are, as the latest click time), so the report does not know it.
/// </summary>
public sealed record GroupReport(int Entered, int Sent, int? Delivered, int Clicked, int Converted, decimal Revenue);
