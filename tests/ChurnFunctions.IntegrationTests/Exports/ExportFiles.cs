using CsvHelper;
using Parquet.Serialization;

namespace ChurnFunctions.IntegrationTests.Exports;

/// <summary>Export files read back as a consumer would: header row by name, Parquet by its own schema.</summary>
internal static class ExportFiles
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(byte[] file)
    {
        using var reader = CsvReader.Create(file, new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h), StringComparer.Ordinal));
        }

        return ([.. reader.Headers], rows);
    }

    /// <summary>Rows with every column: the untyped reader leaves a null value's key out.</summary>
    public static async Task<(IReadOnlyList<string> Header, List<Dictionary<string, object?>> Rows)> ReadParquetAsync(byte[] file)
    {
        using var stream = new MemoryStream(file);
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        string[] header = [.. result.Schema.GetDataFields().Select(f => f.Name)];
        return (header, [.. result.Data.Select(r => header.ToDictionary(h => h, h => r.TryGetValue(h, out var v) ? v : null, StringComparer.Ordinal))]);
    }
}
