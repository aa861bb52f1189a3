using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : AzuriteCollection;
