using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.Storage.Tables;

/// <summary>Entities to and from the Table service's JSON (odata=nometadata on reads, type annotations on writes).</summary>
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

    public static TableEntity Read(JsonElement element)
    {
        // A $select without the keys returns entities without them.
        var entity = new TableEntity(
            element.TryGetProperty("PartitionKey", out var partitionKey) ? partitionKey.GetString()! : string.Empty,
            element.TryGetProperty("RowKey", out var rowKey) ? rowKey.GetString()! : string.Empty);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) && name != "odata.etag"
                || name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                continue;
            }

            var value = property.Value;
            if (name == "odata.etag")
            {
                entity.ETag = value.GetString();
            }
            else if (name == "Timestamp")
            {
                entity.Timestamp = DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }
            else
            {
                entity[name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when value.TryGetInt32(out var i) => i,
                    JsonValueKind.Number => value.GetDouble(),
                    _ => null,
                };
            }
        }

        return entity;
    }
}
