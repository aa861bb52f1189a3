using ChurnFunctions.Testing;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>One Azurite for the Durable campaign tests (a collection of their own, so they need no other class's definition).</summary>
[CollectionDefinition(Name)]
public sealed class DurableAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "durable-azurite";
}
