namespace ChurnFunctions.Storage.Tables;

/// <summary>A query: an OData $filter, the properties to $select (null for all), and the page size ($top, at most 1000).</summary>
public sealed record TableQuery(string? Filter = null, IReadOnlyList<string>? Select = null, int? PageSize = null)
{
    /// <summary>An OData string literal: the value quoted with single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
