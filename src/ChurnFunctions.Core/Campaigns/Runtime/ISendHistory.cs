namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The send ledger read by instance: what was sent, or tried, for one customer's runs of one campaign. Every run of a
/// (customer, campaign) has <see cref="CampaignInstanceId.For(string, string)"/>'s id as its id or as its prefix
/// followed by "-{run key}", so one prefix names all of them.
/// </summary>
public interface ISendHistory
{
    /// <summary>The ledger entries of the instance <paramref name="instanceId"/> and of its runs ("{instanceId}-{run key}").</summary>
    Task<IReadOnlyList<RecordedSend>> ListAsync(string instanceId, CancellationToken cancellationToken);
}
