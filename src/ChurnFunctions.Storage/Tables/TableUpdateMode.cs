namespace ChurnFunctions.Storage.Tables;

public enum TableUpdateMode
{
    /// <summary>The entity's properties become exactly the ones sent.</summary>
    Replace,

    /// <summary>The properties sent are added or overwritten; others stay.</summary>
    Merge,
}
