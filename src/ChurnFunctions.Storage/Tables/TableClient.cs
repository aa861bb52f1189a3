using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// One table, over the Table service REST API with JSON (odata=nometadata). 404 comes back as null or
/// <see cref="TableWriteStatus.NotFound"/>, 409 and 412 as <see cref="TableWriteStatus"/>; other failures throw
/// <see cref="StorageException"/>. Writes ask for no content back (Prefer: return-no-content).
/// </summary>
public sealed class TableClient
{
    internal const string JsonNoMetadata = "application/json;odata=nometadata";
    private readonly StorageHttp _http;
    private readonly Uri _endpoint;

    internal TableClient(StorageHttp http, string tableName)
    {
        _http = http;
        Name = tableName;
        _endpoint = http.Connection.GetEndpoint(StorageService.Table);
        TableUri = new Uri($"{_endpoint}/{tableName}");
    }

    public string Name { get; }

    internal Uri TableUri { get; }

    /// <summary>Creates the table; an existing table is fine.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        var request = Request(HttpMethod.Post, new Uri($"{_endpoint}/Tables"), body) with { Operation = "CreateTable" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.Conflict))
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the table; returns false when there was none.</summary>
    public async Task<bool> DeleteTableAsync(CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Delete, new Uri($"{_endpoint}/Tables('{Uri.EscapeDataString(Name)}')")) with { Operation = "DeleteTable" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The entity with its ETag, or null when there is none.</summary>
    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Get, EntityUri(partitionKey, rowKey)) with { Operation = "GetEntity" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var entity = TableEntityJson.Read(document.RootElement);
        entity.ETag = ETagOf(response) ?? entity.ETag;
        return entity;
    }

    /// <summary>Inserts; <see cref="TableWriteStatus.Conflict"/> when the entity exists (also when a retry follows a lost success).</summary>
    public Task<TableWriteResult> InsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(Request(HttpMethod.Post, TableUri, TableEntityJson.Serialize(entity)) with { Operation = "Insert" }, cancellationToken);

    /// <summary>Inserts or replaces/merges, whatever is stored.</summary>
    public Task<TableWriteResult> UpsertAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync(Request(MethodFor(mode), EntityUri(entity.PartitionKey, entity.RowKey), TableEntityJson.Serialize(entity)) with { Operation = "Upsert" }, cancellationToken);

    /// <summary>Replaces/merges only if the stored entity still has <paramref name="etag"/> ("*": any); 412 or 404 otherwise.</summary>
    public Task<TableWriteResult> UpdateAsync(TableEntity entity, string etag, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync(Request(MethodFor(mode), EntityUri(entity.PartitionKey, entity.RowKey), TableEntityJson.Serialize(entity))
            .WithHeader("If-Match", etag) with { Operation = "Update" }, cancellationToken);

    /// <summary>Deletes if the stored entity has <paramref name="etag"/> ("*": any).</summary>
    public async Task<TableWriteStatus> DeleteAsync(string partitionKey, string rowKey, string etag, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(Request(HttpMethod.Delete, EntityUri(partitionKey, rowKey)).WithHeader("If-Match", etag) with { Operation = "Delete" }, cancellationToken)
            .ConfigureAwait(false);
        return result.Status;
    }

    /// <summary>One page of results; pass the returned continuation to get the next.</summary>
    public async Task<TablePage> QueryPageAsync(TableQuery query, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Get, QueryUri(query, continuation)) with { Operation = "Query" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var entities = new List<TableEntity>();
        foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
        {
            entities.Add(TableEntityJson.Read(element));
        }

        var nextPartition = Header(response, "x-ms-continuation-NextPartitionKey");
        var next = nextPartition is null ? null : new TableContinuation(nextPartition, Header(response, "x-ms-continuation-NextRowKey"));
        return new TablePage(entities, next);
    }

    /// <summary>Every matching entity, following continuation tokens page by page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(query, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// Runs up to 100 operations on one partition as an entity group transaction: all are applied or none. A 409, 412
    /// or 404 of one operation comes back as a failed <see cref="TableBatchResult"/> naming it; other failures throw.
    /// </summary>
    public async Task<TableBatchResult> SubmitBatchAsync(IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken)
    {
        var (body, contentType) = TableBatchWriter.Build(operations, TableUri);
        var request = Request(HttpMethod.Post, new Uri($"{_endpoint}/$batch"), body) with { ContentType = contentType, Operation = "Batch" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return TableBatchWriter.ParseResponse(text, request, Header(response, "x-ms-request-id"));
    }

    internal Uri EntityUri(string partitionKey, string rowKey) =>
        new($"{TableUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')");

    internal static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static HttpMethod MethodFor(TableUpdateMode mode) => mode == TableUpdateMode.Replace ? HttpMethod.Put : TableBatchWriter.Merge;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? ETagOf(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? Header(response, "ETag");

    private Uri QueryUri(TableQuery query, TableContinuation? continuation)
    {
        var builder = new StringBuilder().Append(TableUri).Append("()");
        var separator = '?';
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("$filter", query.Filter);
        Add("$select", query.Select is null ? null : string.Join(",", query.Select));
        Add("$top", query.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("NextPartitionKey", continuation?.NextPartitionKey);
        Add("NextRowKey", continuation?.NextRowKey);
        return new Uri(builder.ToString());
    }

    private StorageRequest Request(HttpMethod method, Uri uri, byte[]? body = null) =>
        new(StorageService.Table, method, uri)
        {
            Resource = Name,
            Body = body,
            ContentType = body is null ? null : "application/json",
            Headers =
            [
                new("Accept", JsonNoMetadata),
                new("DataServiceVersion", "3.0"),
                new("MaxDataServiceVersion", "3.0;NetFx"),
                new("Prefer", "return-no-content"),
            ],
        };

    private async Task<TableWriteResult> WriteAsync(StorageRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.Created or HttpStatusCode.OK => new TableWriteResult(TableWriteStatus.Success, ETagOf(response)),
            HttpStatusCode.Conflict => new TableWriteResult(TableWriteStatus.Conflict, null),
            HttpStatusCode.PreconditionFailed => new TableWriteResult(TableWriteStatus.PreconditionFailed, null),
            HttpStatusCode.NotFound => new TableWriteResult(TableWriteStatus.NotFound, null),
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }
}
