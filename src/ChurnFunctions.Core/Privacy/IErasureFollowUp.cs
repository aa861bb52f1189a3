namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// Erases what a host keeps about customers outside the tables and blobs <see cref="PrivacyService"/> erases itself:
/// the Functions app's Durable task hub, whose campaign orchestration histories hold the customer context. Called
/// after every erasure, with the ids of every record erased (merged records included); the self-host has none.
/// </summary>
public interface IErasureFollowUp
{
    Task ErasedAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken);
}
