using Xunit;

namespace ChurnFunctions.Testing;

/// <summary>
/// The "azurite" test collection: one Azurite for every test class in it. xunit v2 only discovers collection
/// definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(AzuriteCollection.Name)] public sealed class AzuriteCollectionDefinition : AzuriteCollection;</c>
/// and its classes use <c>[Collection(AzuriteCollection.Name)]</c> with an <see cref="AzuriteFixture"/> constructor parameter.
/// </summary>
[CollectionDefinition(Name)]
public class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
