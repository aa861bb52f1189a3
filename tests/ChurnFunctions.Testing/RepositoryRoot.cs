namespace ChurnFunctions.Testing;

/// <summary>The repository root: the nearest folder above the test binaries that holds ChurnFunctions.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChurnFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ChurnFunctions.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
