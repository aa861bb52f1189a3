namespace ChurnFunctions.Dashboard.Tests;

[CollectionDefinition(DashboardSite.CollectionName)]
public sealed class DashboardCollection : ICollectionFixture<DashboardSite>;
