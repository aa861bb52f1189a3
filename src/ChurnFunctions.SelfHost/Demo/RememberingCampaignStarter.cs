using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// The runner as the demo's <see cref="ICampaignStarter"/>, remembering which (campaign, customer, run key) it has
/// entered or found: the demo process is the only writer of its storage, so what it saw stays true, and the daily
/// enrollment (hundreds of simulated days in a few minutes) skips re-reading every lapsed customer's instance each day.
/// </summary>
public sealed class RememberingCampaignStarter(CampaignRunner runner) : ICampaignStarter
{
    private readonly HashSet<(string Campaign, string Customer, string? RunKey)> known = [];
    private readonly Lock gate = new();

    public Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken) =>
        StartAsync(campaignId, customerId, runKey: null, cancellationToken);

    public async Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        var key = (campaignId, customerId, runKey);
        lock (gate)
        {
            if (known.Contains(key))
            {
                return false;
            }
        }

        var started = await runner.StartAsync(campaignId, customerId, runKey, cancellationToken);
        lock (gate)
        {
            known.Add(key);
        }

        return started;
    }

    public async Task<IReadOnlyList<CampaignStartRequest>> EnterAsync(
        IReadOnlyList<CampaignStartRequest> requests, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        List<CampaignStartRequest> unknown;
        lock (gate)
        {
            unknown = requests.Where(r => !known.Contains((r.CampaignId, r.CustomerId, r.RunKey))).ToList();
        }

        var entered = await runner.EnterAsync(unknown, dryRun, cancellationToken);
        if (!dryRun)
        {
            lock (gate)
            {
                known.UnionWith(unknown.Select(r => (r.CampaignId, r.CustomerId, r.RunKey)));
            }
        }

        return entered;
    }

    public async Task<bool> IsStartedAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (known.Contains((campaignId, customerId, runKey)))
            {
                return true;
            }
        }

        return await runner.IsStartedAsync(campaignId, customerId, runKey, cancellationToken);
    }
}
