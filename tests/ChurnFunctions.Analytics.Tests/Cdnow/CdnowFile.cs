namespace ChurnFunctions.Analytics.Tests.Cdnow;

/// <summary>Finds shared/data/cdnow/CDNOW_master.txt by walking up from the test binaries.</summary>
internal static class CdnowFile
{
    private const string Relative = "shared/data/cdnow/CDNOW_master.txt";

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, Relative);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"No folder above {AppContext.BaseDirectory} contains {Relative}.");
    }
}
