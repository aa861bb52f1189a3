using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Tests.Campaigns;

/// <summary>Runs one instance through the decider the way a host would: keeps the state between inputs.</summary>
internal sealed class DeciderRig(CampaignDefinition definition, CustomerContext? customer = null, CampaignOptions? options = null)
{
    private readonly CampaignDecider decider = CampaignFixtures.Decider(options);

    public CampaignDefinition Definition { get; } = definition;

    public CustomerContext Customer { get; set; } = customer ?? CampaignFixtures.Customer();

    public CampaignInstanceState State { get; private set; } =
        CampaignInstanceState.New((customer ?? CampaignFixtures.Customer()).CustomerId, definition.Id);

    public IReadOnlyList<CampaignAction> Apply(CampaignInput input, DateTimeOffset now)
    {
        var decision = decider.Decide(Definition, State, input, now, Customer);
        State = decision.NewState;
        return decision.Actions;
    }

    public Decision Peek(CampaignInput input, DateTimeOffset now) => decider.Decide(Definition, State, input, now, Customer);

    /// <summary>Starts the instance and completes each send it asks for at the time it was asked.</summary>
    public IReadOnlyList<CampaignAction> StartAndSend(DateTimeOffset now)
    {
        var actions = Apply(new Start(), now);
        return CompleteSends(actions, now);
    }

    public IReadOnlyList<CampaignAction> CompleteSends(IReadOnlyList<CampaignAction> actions, DateTimeOffset now)
    {
        var all = actions.ToList();
        while (all.LastOrDefault() is SendEmail or SendSms)
        {
            all.AddRange(Apply(CampaignFixtures.Sent(all[^1]), now));
        }

        return all;
    }
}
