using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// An entity as the Table service's JSON with type annotations, the form the service measures against its 1 MiB limit;
/// the SDK writes the same. Used to size entities, and holds the per-property string limit.
/// </summary>
internal static class TableEntityJson
{
    /// <summary>A string property holds at most 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case null:
                    break;
                case string s when s.Length > MaxStringLength:
                    throw new ArgumentException($"Property {name} has {s.Length} characters; a table property holds at most {MaxStringLength}.", nameof(entity));
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case double d:
                    writer.WriteNumber(name, d);
                    break;
                case long l:
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString(name + "@odata.type", "Edm.Int64");
                    break;
                case DateTimeOffset t:
                    writer.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    writer.WriteString(name + "@odata.type", "Edm.DateTime");
                    break;
                case Guid g:
                    writer.WriteString(name, g);
                    writer.WriteString(name + "@odata.type", "Edm.Guid");
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(name, bytes);
                    writer.WriteString(name + "@odata.type", "Edm.Binary");
                    break;
                default:
                    throw new ArgumentException($"Property {name} has type {value.GetType().Name}, which a table cannot hold.", nameof(entity));
            }
        }

        writer.WriteEndObject();
    }
}
