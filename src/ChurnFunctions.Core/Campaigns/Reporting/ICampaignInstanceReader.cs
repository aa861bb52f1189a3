namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>
/// Reads every instance of one campaign, for reports. The table adapter scans the instance table with a server-side
/// filter on CampaignId (no per-campaign partition): one request per 1,000 rows of the whole table, whatever the
/// campaign's size. Fine for a report read by people; not for a hot path.
/// </summary>
public interface ICampaignInstanceReader
{
    IAsyncEnumerable<CampaignInstanceState> ListAsync(string campaignId, CancellationToken cancellationToken);
}
