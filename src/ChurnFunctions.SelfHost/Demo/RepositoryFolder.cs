namespace ChurnFunctions.SelfHost.Demo;

/// <summary>The repository checkout `churn` runs from (the folder holding ChurnFunctions.sln), found upwards.</summary>
public static class RepositoryFolder
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ChurnFunctions.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The CDNOW file where the shared data lives beside the checkout, whether or not it is there.</summary>
    public static string DefaultTransactions(string? root) =>
        Path.GetFullPath(Path.Combine(root ?? Directory.GetCurrentDirectory(), "..", "shared", "data", "cdnow", "CDNOW_master.txt"));
}
