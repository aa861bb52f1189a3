namespace ChurnFunctions.Core.Triggers;

/// <summary>An orchestration or activity of the Functions app's Durable campaigns (the self-host runs its own runner).</summary>
public sealed record DurableTrigger(string Name, DurableTriggerKind Kind);

public enum DurableTriggerKind
{
    Orchestration,
    Activity,
}
