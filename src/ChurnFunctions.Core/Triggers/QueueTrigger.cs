namespace ChurnFunctions.Core.Triggers;

/// <summary>
/// A queue listened on by <see cref="Hosts"/>, through the storage connection setting <see cref="Triggers.StorageConnection"/>;
/// failures past the dequeue limit land in <see cref="PoisonQueue"/>.
/// </summary>
public sealed record QueueTrigger(string Name, string Queue, TriggerHosts Hosts = TriggerHosts.Both)
{
    public string PoisonQueue => Queue + "-poison";
}
