using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Support;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : AzuriteCollection;
