namespace ChurnFunctions.Core.Alerts;

public interface IAlertStore
{
    /// <summary>Stores the alert unless one for the same day and condition exists; true when it was new.</summary>
    Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken);

    Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
