using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using ChurnFunctions.Storage.Connection;
using SdkTableClient = Azure.Data.Tables.TableClient;
using SdkTableEntity = Azure.Data.Tables.TableEntity;
using SdkTableTransactionFailedException = Azure.Data.Tables.TableTransactionFailedException;
using SdkTableUpdateMode = Azure.Data.Tables.TableUpdateMode;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// One table, over the SDK's <see cref="SdkTableClient"/>. 404 comes back as null or
/// <see cref="TableWriteStatus.NotFound"/>, 409 and 412 as <see cref="TableWriteStatus"/>; other failures throw
/// <see cref="StorageException"/>, which names the table and operation, never the entity's keys.
/// </summary>
public sealed class TableClient
{
    private readonly SdkTableClient _table;
    private readonly int _attempts;

    internal TableClient(SdkTableClient table, int attempts)
    {
        _table = table;
        _attempts = attempts;
    }

    public string Name => _table.Name;

    /// <summary>Creates the table; an existing table is fine.</summary>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        RunAsync("CreateTable", async (table, ct) => (await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false)).GetRawResponse(), cancellationToken);

    /// <summary>Deletes the table; returns false when there was none.</summary>
    public Task<bool> DeleteTableAsync(CancellationToken cancellationToken) =>
        RunAsync("DeleteTable", async (table, ct) =>
        {
            try
            {
                return (await table.DeleteAsync(ct).ConfigureAwait(false)).Status != (int)HttpStatusCode.NotFound;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                return false;
            }
        }, cancellationToken);

    /// <summary>The entity with its ETag, or null when there is none.</summary>
    public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        RunAsync("GetEntity", async (table, ct) =>
        {
            var response = await table.GetEntityIfExistsAsync<SdkTableEntity>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false);
            return response.HasValue ? SdkEntities.FromSdk(response.Value!) : null;
        }, cancellationToken);

    /// <summary>Inserts; <see cref="TableWriteStatus.Conflict"/> when the entity exists (also when a retry follows a lost success).</summary>
    public Task<TableWriteResult> InsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync("Insert", (table, ct) => table.AddEntityAsync(SdkEntities.ToSdk(entity), ct), cancellationToken);

    /// <summary>Inserts or replaces/merges, whatever is stored.</summary>
    public Task<TableWriteResult> UpsertAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync("Upsert", (table, ct) => table.UpsertEntityAsync(SdkEntities.ToSdk(entity), ModeOf(mode), ct), cancellationToken);

    /// <summary>Replaces/merges only if the stored entity still has <paramref name="etag"/> ("*": any); 412 or 404 otherwise.</summary>
    public Task<TableWriteResult> UpdateAsync(TableEntity entity, string etag, TableUpdateMode mode, CancellationToken cancellationToken) =>
        WriteAsync("Update", (table, ct) => table.UpdateEntityAsync(SdkEntities.ToSdk(entity), new ETag(etag), ModeOf(mode), ct), cancellationToken);

    /// <summary>Deletes if the stored entity has <paramref name="etag"/> ("*": any).</summary>
    public async Task<TableWriteStatus> DeleteAsync(string partitionKey, string rowKey, string etag, CancellationToken cancellationToken)
    {
        var result = await WriteAsync("Delete", (table, ct) => table.DeleteEntityAsync(partitionKey, rowKey, new ETag(etag), ct), cancellationToken)
            .ConfigureAwait(false);
        return result.Status;
    }

    /// <summary>One page of results; pass the returned continuation to get the next.</summary>
    public Task<TablePage> QueryPageAsync(TableQuery query, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync("Query", async (table, ct) =>
        {
            var pages = table.QueryAsync<SdkTableEntity>(query.Filter, query.PageSize, query.Select, ct)
                .AsPages(continuation?.ToToken(), query.PageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new TablePage([.. page.Values.Select(SdkEntities.FromSdk)], TableContinuation.FromToken(page.ContinuationToken));
            }

            return new TablePage([], null);
        }, cancellationToken);
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
    /// or 404 of one operation comes back as a failed <see cref="TableBatchResult"/> naming it (the SDK's
    /// FailedTransactionActionIndex); other failures throw.
    /// </summary>
    public Task<TableBatchResult> SubmitBatchAsync(IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken)
    {
        var actions = TableBatchWriter.Build(operations);
        return RunAsync("Batch", async (table, ct) =>
        {
            try
            {
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                return TableBatchResult.Success;
            }
            catch (SdkTableTransactionFailedException ex) when (TableBatchResult.StatusOf((HttpStatusCode)ex.Status) != TableWriteStatus.Success)
            {
                return new TableBatchResult(false, ex.FailedTransactionActionIndex, TableBatchResult.StatusOf((HttpStatusCode)ex.Status), ex.ErrorCode);
            }
        }, cancellationToken);
    }

    private static SdkTableUpdateMode ModeOf(TableUpdateMode mode) =>
        mode == TableUpdateMode.Replace ? SdkTableUpdateMode.Replace : SdkTableUpdateMode.Merge;

    private Task<TableWriteResult> WriteAsync(string operation, Func<SdkTableClient, CancellationToken, Task<Response>> write, CancellationToken cancellationToken) =>
        RunAsync(operation, async (table, ct) =>
        {
            try
            {
                var response = await write(table, ct).ConfigureAwait(false);

                // Deleting a missing entity is no error to the SDK: it hands back the 404.
                return response.Status == (int)HttpStatusCode.NotFound
                    ? new TableWriteResult(TableWriteStatus.NotFound, null)
                    : new TableWriteResult(TableWriteStatus.Success, response.Headers.ETag?.ToString());
            }
            catch (RequestFailedException ex) when (TableBatchResult.StatusOf((HttpStatusCode)ex.Status) != TableWriteStatus.Success)
            {
                return new TableWriteResult(TableBatchResult.StatusOf((HttpStatusCode)ex.Status), null);
            }
        }, cancellationToken);

    private async Task<T> RunAsync<T>(string operation, Func<SdkTableClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var call = StorageCall.Begin(StorageService.Table, operation, Name);
        try
        {
            return await action(_table, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageCall.IsStorageFailure(ex, cancellationToken))
        {
            throw call.Failed(ex, _attempts);
        }
    }
}
