using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction (one changeset) and the reading of its answer. The
/// service answers 202 either way; a failed changeset holds one part whose status is the failure and whose message
/// starts with the 0-based index of the failing operation ("1:The specified entity already exists.").
/// </summary>
internal static partial class TableBatchWriter
{
    public const int MaxOperations = 100;

    public static readonly HttpMethod Merge = new("MERGE");

    public static (byte[] Body, string ContentType) Build(IReadOnlyList<TableBatchOperation> operations, Uri tableUri)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > MaxOperations)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), operations.Count, $"A batch holds 1 to {MaxOperations} operations.");
        }

        var partition = operations[0].Entity.PartitionKey;
        if (operations.Any(o => !string.Equals(o.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException("All operations of a batch must share one PartitionKey.", nameof(operations));
        }

        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder(operations.Count * 512);
        text.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var operation in operations)
        {
            var entity = operation.Entity;
            var entityUri = $"{tableUri}(PartitionKey='{TableClient.EscapeKey(entity.PartitionKey)}',RowKey='{TableClient.EscapeKey(entity.RowKey)}')";
            var (method, uri, etag, hasBody) = operation.Kind switch
            {
                TableBatchOperationKind.Insert => ("POST", tableUri.ToString(), null, true),
                TableBatchOperationKind.UpsertReplace => ("PUT", entityUri, null, true),
                TableBatchOperationKind.UpsertMerge => ("MERGE", entityUri, null, true),
                TableBatchOperationKind.UpdateReplace => ("PUT", entityUri, operation.ETag ?? "*", true),
                TableBatchOperationKind.UpdateMerge => ("MERGE", entityUri, operation.ETag ?? "*", true),
                _ => ("DELETE", entityUri, operation.ETag ?? "*", false),
            };
            text.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(TableClient.JsonNoMetadata).Append("\r\n")
                .Append("DataServiceVersion: 3.0;\r\n");
            if (etag is not null)
            {
                text.Append("If-Match: ").Append(etag).Append("\r\n");
            }

            if (hasBody)
            {
                text.Append("Content-Type: application/json\r\n")
                    .Append("Prefer: return-no-content\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity)));
            }

            text.Append("\r\n");
        }

        text.Append("--").Append(changeset).Append("--\r\n\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    public static TableBatchResult ParseResponse(string body, StorageRequest request, string? requestId)
    {
        foreach (Match match in StatusLine().Matches(body))
        {
            var status = (HttpStatusCode)int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if ((int)status < 300)
            {
                continue;
            }

            var json = PartBody(body, match.Index + match.Length);
            var code = ErrorBody.Code(json);
            var index = FailedIndex(ErrorBody.TableMessage(json), body, match.Index);
            var typed = TableBatchResult.StatusOf(status);
            if (typed == TableWriteStatus.Success)
            {
                throw new StorageException(
                    $"Storage Table {request.Operation} {request.Resource} failed at operation {index?.ToString(CultureInfo.InvariantCulture) ?? "?"} with {(int)status} ({code}), request id {requestId ?? "-"}.",
                    status,
                    code,
                    requestId);
            }

            return new TableBatchResult(false, index, typed, code);
        }

        return TableBatchResult.Success;
    }

    private static string? PartBody(string body, int afterStatusLine)
    {
        var start = body.IndexOf("\r\n\r\n", afterStatusLine, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = body.IndexOf("\r\n--", start + 4, StringComparison.Ordinal);
        return (end < 0 ? body[(start + 4)..] : body[(start + 4)..end]).Trim();
    }

    private static int? FailedIndex(string? message, string body, int partStart)
    {
        var prefix = message is null ? null : IndexPrefix().Match(message);
        if (prefix is { Success: true })
        {
            return int.Parse(prefix.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var contentId = ContentId().Match(body, partStart);
        return contentId.Success ? int.Parse(contentId.Groups[1].Value, CultureInfo.InvariantCulture) - 1 : null;
    }

    [GeneratedRegex(@"HTTP/1\.1 (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();

    [GeneratedRegex(@"Content-ID: (\d+)")]
    private static partial Regex ContentId();
}
