using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>A queue a <see cref="QueueTriggerService"/> listens on, and the handler each message is given to.</summary>
/// <param name="Handler">Runs with a scoped service provider created for the message.</param>
public sealed record QueueTriggerRegistration(
    string QueueName,
    Func<IServiceProvider, QueueMessage, CancellationToken, Task> Handler)
{
    /// <summary>Where messages go once they have failed too often: "{queue}-poison", as in Functions.</summary>
    public string PoisonQueueName => QueueName + "-poison";
}
