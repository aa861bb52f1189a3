using System.Net;
using Azure.Core.Pipeline;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class RetryTests
{
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly StorageOptions Options = new() { ConnectionString = "UseDevelopmentStorage=true", MaxRetries = 3, RetryBaseDelay = TimeSpan.Zero };

    [Fact]
    public async Task Service_unavailable_then_success_is_retried_once()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.ServiceUnavailable), StubHandler.Status(HttpStatusCode.NoContent));
        using var account = Account(handler);

        var result = await account.GetTableClient("t").InsertAsync(new TableEntity("p", "r"), default);

        Assert.Equal(TableWriteStatus.Success, result.Status);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Each_attempt_is_signed_afresh()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.InternalServerError), StubHandler.Status(HttpStatusCode.NoContent));
        using var account = Account(handler);

        await account.GetTableClient("t").InsertAsync(new TableEntity("p", "r"), default);

        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Precondition_failed_is_not_retried_and_comes_back_typed()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.PreconditionFailed));
        using var account = Account(handler);

        var result = await account.GetTableClient("t").UpdateAsync(new TableEntity("p", "r"), "W/\"x\"", TableUpdateMode.Replace, default);

        Assert.Equal(TableWriteStatus.PreconditionFailed, result.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Conflict_is_not_retried()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.Conflict));
        using var account = Account(handler);

        var result = await account.GetTableClient("t").InsertAsync(new TableEntity("p", "r"), default);

        Assert.Equal(TableWriteStatus.Conflict, result.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Connection_failure_is_retried()
    {
        var handler = new StubHandler(StubHandler.Throw(new HttpRequestException("refused")), StubHandler.Status(HttpStatusCode.NotFound));
        using var account = Account(handler);

        var entity = await account.GetTableClient("t").GetEntityAsync("p", "r", default);

        Assert.Null(entity);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Persistent_failure_ends_in_a_storage_exception_after_all_attempts()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var account = Account(handler);

        var error = await Assert.ThrowsAsync<StorageException>(() => account.GetTableClient("t").GetEntityAsync("p", "r", default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(4, handler.Calls);
        Assert.DoesNotContain(DevelopmentAccountKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_request_throws_with_status_and_error_code_without_retry()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Headers = { { "x-ms-error-code", "InvalidInput" }, { "x-ms-request-id", "req-1" } },
        });
        using var account = Account(handler);

        var error = await Assert.ThrowsAsync<StorageException>(() => account.GetTableClient("t").InsertAsync(new TableEntity("p", "r"), default));

        Assert.Equal("InvalidInput", error.ErrorCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new StubHandler(_ =>
        {
            cancellation.Cancel();
            throw new TaskCanceledException();
        });
        using var account = Account(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => account.GetTableClient("t").GetEntityAsync("p", "r", cancellation.Token));

        Assert.Equal(1, handler.Calls);
    }

    private static StorageAccount Account(StubHandler handler) =>
        StorageAccount.Create(Options, credential: null, new HttpClientTransport(handler), logger: null);
}
