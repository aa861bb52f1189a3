namespace ChurnFunctions.Analytics.Tests.Cdnow;

/// <summary>One <see cref="CdnowFixture"/> (one read, one fit per model) shared by every CDNOW test class.</summary>
[CollectionDefinition(Name)]
public sealed class CdnowCollection : ICollectionFixture<CdnowFixture>
{
    public const string Name = "CDNOW";
}
