using System.Globalization;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// One table entity: keys, ETag, Timestamp and named properties. Property values are string, bool, int, long,
/// double, DateTimeOffset, Guid or byte[]; values read back (with odata=nometadata) come as string, bool, int or
/// double, and the typed getters convert. <see cref="ETag"/> is set by reads of a single entity and by writes;
/// query results under nometadata carry none.
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public IReadOnlyDictionary<string, object?> Properties => _properties;

    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set => _properties[name] = value;
    }

    public bool Contains(string name) => _properties.ContainsKey(name);

    public string? GetString(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public int? GetInt32(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        double d => checked((int)d),
        string s => int.Parse(s, CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Property {name} is {other.GetType().Name}, not Int32."),
    };

    public long? GetInt64(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        long l => l,
        int i => i,
        double d => checked((long)d),
        string s => long.Parse(s, CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Property {name} is {other.GetType().Name}, not Int64."),
    };

    public double? GetDouble(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        string s => double.Parse(s, CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Property {name} is {other.GetType().Name}, not Double."),
    };

    public bool? GetBoolean(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        bool b => b,
        string s => bool.Parse(s),
        var other => throw new InvalidCastException($"Property {name} is {other.GetType().Name}, not Boolean."),
    };

    public DateTimeOffset? GetDateTimeOffset(string name) => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        DateTimeOffset d => d,
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        var other => throw new InvalidCastException($"Property {name} is {other.GetType().Name}, not DateTimeOffset."),
    };
}
