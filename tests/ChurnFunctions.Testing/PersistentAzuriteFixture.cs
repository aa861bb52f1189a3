namespace ChurnFunctions.Testing;

/// <summary>An Azurite that keeps its data in a temp folder (--location), so it survives <see cref="AzuriteFixture.Stop"/> and <see cref="AzuriteFixture.Start"/>.</summary>
public class PersistentAzuriteFixture : AzuriteFixture
{
    public PersistentAzuriteFixture()
        : base(persistent: true)
    {
    }
}
