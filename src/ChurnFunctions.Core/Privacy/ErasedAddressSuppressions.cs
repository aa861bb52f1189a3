using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;

namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// The global suppression list with erased people added: every sender already asks it before a send, so both campaign
/// runners refuse an erased address without a second check of their own. Writes go to the list underneath.
/// </summary>
public sealed class ErasedAddressSuppressions(ISuppressionList inner, ErasureCheck erasures) : ISuppressionList
{
    public async Task<bool> IsSuppressedAsync(MessageChannel channel, string address, CancellationToken cancellationToken) =>
        await inner.IsSuppressedAsync(channel, address, cancellationToken)
        || await erasures.IsErasedAddressAsync(channel, address, cancellationToken);

    public Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken) => inner.AddAsync(entry, cancellationToken);

    public Task<bool> RemoveAsync(MessageChannel channel, string address, CancellationToken cancellationToken) =>
        inner.RemoveAsync(channel, address, cancellationToken);
}
