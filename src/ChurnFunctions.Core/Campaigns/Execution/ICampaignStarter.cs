namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Enters a customer into a campaign: starts the instance with the deterministic id of (customer, campaign, run key)
/// unless it exists (running or done), in which case nothing happens. The durable runner implements it.
/// </summary>
public interface ICampaignStarter
{
    /// <returns>True when a new instance started.</returns>
    Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Enters one run of a recurring campaign (<paramref name="runKey"/>: see <see cref="CampaignInstanceId"/>); a null
    /// key is <see cref="StartAsync(string, string, CancellationToken)"/>. Starters that know no run keys refuse one.
    /// </summary>
    Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        runKey is null
            ? StartAsync(campaignId, customerId, cancellationToken)
            : throw new NotSupportedException($"{GetType().Name} starts no runs of recurring campaigns.");

    /// <summary>
    /// Whether the instance of (customer, campaign, run key) exists already, so an enrollment dry run leaves out whom a
    /// real run would not start. Starters that cannot tell say false (the dry run then lists them).
    /// </summary>
    Task<bool> IsStartedAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
