namespace ChurnFunctions.Core.Triggers;

/// <summary>A queue both hosts listen on; failures past the dequeue limit land in <see cref="PoisonQueue"/>.</summary>
public sealed record QueueTrigger(string Name, string Queue)
{
    public string PoisonQueue => Queue + "-poison";
}
