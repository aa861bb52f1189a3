using SdkTableEntity = Azure.Data.Tables.TableEntity;

namespace ChurnFunctions.Storage.Tables;

/// <summary>Our <see cref="TableEntity"/> to and from the SDK's: the same keys, ETag, Timestamp and typed properties.</summary>
internal static class SdkEntities
{
    public static SdkTableEntity ToSdk(TableEntity entity)
    {
        var sdk = new SdkTableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            // A null is no property at all, as the service stores it.
            if (value is not null)
            {
                sdk[name] = value switch
                {
                    string s when s.Length > TableEntityJson.MaxStringLength => throw new ArgumentException(
                        $"Property {name} has {s.Length} characters; a table property holds at most {TableEntityJson.MaxStringLength}.", nameof(entity)),
                    string or bool or int or long or double or DateTimeOffset or Guid or byte[] => value,
                    _ => throw new ArgumentException($"Property {name} has type {value.GetType().Name}, which a table cannot hold.", nameof(entity)),
                };
            }
        }

        return sdk;
    }

    public static TableEntity FromSdk(SdkTableEntity sdk)
    {
        // A $select without the keys returns entities without them.
        var entity = new TableEntity(sdk.PartitionKey ?? string.Empty, sdk.RowKey ?? string.Empty)
        {
            ETag = sdk.ETag == default ? null : sdk.ETag.ToString(),
            Timestamp = sdk.Timestamp,
        };
        foreach (var (name, value) in sdk)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            entity[name] = value switch
            {
                BinaryData binary => binary.ToArray(),
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                _ => value,
            };
        }

        return entity;
    }
}
