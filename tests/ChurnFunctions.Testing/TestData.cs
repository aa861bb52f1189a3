namespace ChurnFunctions.Testing;

/// <summary>Shared data files, kept next to the repository (its parent folder holds shared/).</summary>
public static class TestData
{
    /// <summary>../shared/data/cdnow/CDNOW_master.txt relative to the repository root.</summary>
    public static string CdnowPath
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "cdnow", "CDNOW_master.txt"));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The CDNOW data file is missing; expected it at {path}.", path);
        }
    }
}
