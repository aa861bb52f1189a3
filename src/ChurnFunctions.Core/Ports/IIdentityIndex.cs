namespace ChurnFunctions.Core.Ports;

/// <summary>
/// Maps identity keys ("shopify:123", "email:a@b.c", "phone:+15551234567") to customer ids. A key is claimed
/// once; a merge reassigns it.
/// </summary>
public interface IIdentityIndex
{
    Task<string?> FindAsync(string identityKey, CancellationToken cancellationToken);

    /// <summary>Gives the key to <paramref name="customerId"/> unless another customer holds it; returns the holder.</summary>
    Task<string> ClaimAsync(string identityKey, string customerId, CancellationToken cancellationToken);

    /// <summary>Gives the key to <paramref name="customerId"/>, whoever held it.</summary>
    Task AssignAsync(string identityKey, string customerId, CancellationToken cancellationToken);
}
