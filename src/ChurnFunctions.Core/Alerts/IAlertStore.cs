namespace ChurnFunctions.Core.Alerts;

public interface IAlertStore
{
    /// <summary>Stores the alert unless one for the same day and condition exists; true when it was new.</summary>
    Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken);

    Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// The alerts that named <paramref name="customerId"/>, newest first. This default reads every alert; a store
    /// that indexes alerts by customer overrides it with that index.
    /// </summary>
    async Task<IReadOnlyList<Alert>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken))
            .Where(a => a.CustomerId == customerId).OrderByDescending(a => a.Date).ThenByDescending(a => a.RaisedAt)];
}
