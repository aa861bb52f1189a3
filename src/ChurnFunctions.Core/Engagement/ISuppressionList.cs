using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// The global suppression list: addresses no campaign may message on a channel, whoever the customer is (a bounced or
/// spam-reporting email, an SMS number that sent STOP). Addresses are compared in the form
/// <see cref="SuppressionEntry.Normalize"/> gives: email trimmed and lower case, phone E.164. The campaign runner checks
/// <see cref="IsSuppressedAsync"/> before every send; the provider webhooks write it.
/// </summary>
public interface ISuppressionList
{
    /// <summary>True when <paramref name="address"/> is on the list for <paramref name="channel"/>.</summary>
    Task<bool> IsSuppressedAsync(MessageChannel channel, string address, CancellationToken cancellationToken);

    /// <summary>Adds (or refreshes) the entry; adding an address twice keeps one entry, the later one.</summary>
    Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken);

    /// <summary>Takes the address off the list (an SMS START after a STOP); true when it was on it.</summary>
    Task<bool> RemoveAsync(MessageChannel channel, string address, CancellationToken cancellationToken);
}
