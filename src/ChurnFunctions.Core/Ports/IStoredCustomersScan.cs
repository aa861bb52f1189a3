namespace ChurnFunctions.Core.Ports;

/// <summary>Reads <see cref="StoredCustomers"/> in a few paged scans, instead of a read per buyer and per row.</summary>
public interface IStoredCustomersScan
{
    Task<StoredCustomers> ReadAsync(CancellationToken cancellationToken);
}
