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

    /// <summary>Starts at once when a pass falls back to one start per request.</summary>
    public const int DefaultParallelism = 8;

    /// <summary>
    /// Enters every request whose instance has not started yet, as the nightly enrollment does for one campaign's
    /// matches; with <paramref name="dryRun"/> starts nothing. Returns the requests that are (or, in a dry run, would
    /// be) new. The default asks <see cref="IsStartedAsync"/> or calls <see cref="StartAsync(string, string, string?, CancellationToken)"/>
    /// per request, a few at once; a starter that can look up and queue many at a time does better.
    /// </summary>
    async Task<IReadOnlyList<CampaignStartRequest>> EnterAsync(
        IReadOnlyList<CampaignStartRequest> requests, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var entered = new bool[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = DefaultParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var r = requests[i];
                entered[i] = dryRun
                    ? !await IsStartedAsync(r.CampaignId, r.CustomerId, r.RunKey, ct)
                    : await StartAsync(r.CampaignId, r.CustomerId, r.RunKey, ct);
            });
        return requests.Where((_, i) => entered[i]).ToList();
    }
}
