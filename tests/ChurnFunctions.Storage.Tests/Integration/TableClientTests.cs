using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Insert_get_update_delete_round_trip_typed_properties()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p|1 'x'", "r ü+%:@");
        entity["Text"] = "héllo";
        entity["Count"] = 42;
        entity["Big"] = 1L << 40;
        entity["Flag"] = true;
        entity["Ratio"] = 0.25;

        var inserted = await table.InsertAsync(entity, default);
        var read = await table.GetEntityAsync("p|1 'x'", "r ü+%:@", default);

        Assert.Equal(TableWriteStatus.Success, inserted.Status);
        Assert.NotNull(inserted.ETag);
        Assert.NotNull(read);
        Assert.Equal("héllo", read.GetString("Text"));
        Assert.Equal(42, read.GetInt32("Count"));
        Assert.Equal(1L << 40, read.GetInt64("Big"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(0.25, read.GetDouble("Ratio"));
        Assert.Equal(inserted.ETag, read.ETag);

        Assert.Equal(TableWriteStatus.Success, await table.DeleteAsync("p|1 'x'", "r ü+%:@", "*", default));
        Assert.Null(await table.GetEntityAsync("p|1 'x'", "r ü+%:@", default));
        Assert.Equal(TableWriteStatus.NotFound, await table.DeleteAsync("p|1 'x'", "r ü+%:@", "*", default));
    }

    [Fact]
    public async Task Insert_of_existing_entity_reports_conflict()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r"), default);

        var second = await table.InsertAsync(new TableEntity("p", "r"), default);

        Assert.Equal(TableWriteStatus.Conflict, second.Status);
    }

    [Fact]
    public async Task Update_with_stale_etag_reports_precondition_failed_and_keeps_the_entity()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        var first = await table.InsertAsync(entity, default);
        entity["V"] = 2;
        var second = await table.UpdateAsync(entity, first.ETag!, TableUpdateMode.Replace, default);
        entity["V"] = 3;

        var stale = await table.UpdateAsync(entity, first.ETag!, TableUpdateMode.Replace, default);

        Assert.Equal(TableWriteStatus.Success, second.Status);
        Assert.Equal(TableWriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", default))!.GetInt32("V"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, default);

        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge, default);
        var merged = await table.GetEntityAsync("p", "r", default);
        await table.UpsertAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace, default);
        var replaced = await table.GetEntityAsync("p", "r", default);

        Assert.Equal("a", merged!.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
        Assert.False(replaced!.Contains("A"));
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Fact]
    public async Task Query_follows_continuation_over_more_than_1000_entities()
    {
        var table = await NewTableAsync();
        for (var batch = 0; batch < 12; batch++)
        {
            var operations = Enumerable.Range(batch * 100, 100)
                .Select(i => TableBatchOperation.Insert(new TableEntity("p", i.ToString("D5")) { ["N"] = i, ["Pad"] = "x" }))
                .ToList();
            Assert.True((await table.SubmitBatchAsync(operations, default)).Succeeded);
        }

        var firstPage = await table.QueryPageAsync(new TableQuery("PartitionKey eq 'p'"), null, default);
        var all = await table.QueryAsync(new TableQuery("PartitionKey eq 'p'", ["N"]), default).ToListAsync();

        Assert.Equal(1000, firstPage.Entities.Count);
        Assert.NotNull(firstPage.Continuation);
        Assert.Equal(1200, all.Count);
        Assert.Equal(Enumerable.Range(0, 1200), all.Select(e => e.GetInt32("N")!.Value));
        Assert.False(all[0].Contains("Pad"));
    }

    [Fact]
    public async Task Batch_with_existing_entity_reports_its_index_and_writes_nothing()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "b"), default);
        var operations = new[]
        {
            TableBatchOperation.Insert(new TableEntity("p", "a")),
            TableBatchOperation.Insert(new TableEntity("p", "b")),
            TableBatchOperation.Insert(new TableEntity("p", "c")),
        };

        var result = await table.SubmitBatchAsync(operations, default);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedIndex);
        Assert.Equal(TableWriteStatus.Conflict, result.FailedStatus);
        Assert.Null(await table.GetEntityAsync("p", "a", default));
        Assert.Null(await table.GetEntityAsync("p", "c", default));
    }

    [Fact]
    public async Task Batch_with_stale_etag_reports_precondition_failed()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "rec") { ["V"] = 1 }, default);
        await table.UpdateAsync(new TableEntity("p", "rec") { ["V"] = 2 }, first.ETag!, TableUpdateMode.Replace, default);

        var result = await table.SubmitBatchAsync(
        [
            TableBatchOperation.Insert(new TableEntity("p", "tx")),
            TableBatchOperation.Update(new TableEntity("p", "rec") { ["V"] = 3 }, first.ETag!, TableUpdateMode.Replace),
        ], default);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedIndex);
        Assert.Equal(TableWriteStatus.PreconditionFailed, result.FailedStatus);
        Assert.Null(await table.GetEntityAsync("p", "tx", default));
    }

    [Fact]
    public async Task Batch_applies_inserts_updates_and_deletes_together()
    {
        var table = await NewTableAsync();
        var record = await table.InsertAsync(new TableEntity("p", "rec") { ["V"] = 1 }, default);
        await table.InsertAsync(new TableEntity("p", "old"), default);

        var result = await table.SubmitBatchAsync(
        [
            TableBatchOperation.Insert(new TableEntity("p", "tx|a") { ["V"] = 1 }),
            TableBatchOperation.Upsert(new TableEntity("p", "tx|b") { ["V"] = 1 }, TableUpdateMode.Merge),
            TableBatchOperation.Update(new TableEntity("p", "rec") { ["V"] = 2 }, record.ETag!, TableUpdateMode.Replace),
            TableBatchOperation.Delete("p", "old"),
        ], default);

        Assert.True(result.Succeeded);
        Assert.NotNull(await table.GetEntityAsync("p", "tx|a", default));
        Assert.NotNull(await table.GetEntityAsync("p", "tx|b", default));
        Assert.Equal(2, (await table.GetEntityAsync("p", "rec", default))!.GetInt32("V"));
        Assert.Null(await table.GetEntityAsync("p", "old", default));
    }

    public void Dispose() => _account.Dispose();

    private async Task<TableClient> NewTableAsync()
    {
        var table = _account.GetTableClient("t" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync(default);
        await table.CreateIfNotExistsAsync(default);
        return table;
    }
}
