using ChurnFunctions.Testing;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>The shared Azurite collection, declared in this assembly as xunit v2 requires.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class FunctionsAzuriteCollection : AzuriteCollection;
