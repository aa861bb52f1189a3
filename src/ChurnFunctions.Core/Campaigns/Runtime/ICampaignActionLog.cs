namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Records coupons to issue, staff tasks and skipped steps, once per (instance, step): the shop and staff
/// integrations read them from here.
/// </summary>
public interface ICampaignActionLog
{
    Task RecordAsync(string instanceId, string customerId, CampaignAction action, DateTimeOffset at, CancellationToken cancellationToken);
}
