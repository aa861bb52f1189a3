namespace ChurnFunctions.Core.Tests.Campaigns.Backtest;

/// <summary>Finds shared/data/cdnow/CDNOW_master.txt by walking up from the test binaries.</summary>
internal static class CdnowFile
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "cdnow", "CDNOW_master.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/cdnow/CDNOW_master.txt was not found above the test binaries.");
    }
}
