namespace ChurnFunctions.Core.Triggers;

/// <summary>
/// Which host runs a trigger. Most run in both; the self-host's campaign runner wakes instances from its own queue,
/// while the Functions app starts and signals Durable orchestrations through queues of its own.
/// </summary>
[Flags]
public enum TriggerHosts
{
    SelfHost = 1,
    Functions = 2,
    Both = SelfHost | Functions,
}
