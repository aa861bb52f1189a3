using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Unit;

/// <summary>Identity keys are emails and phones: retry warnings and storage errors name the table and operation, never the keys.</summary>
public sealed class StorageLogPrivacyTests
{
    private const string EmailKey = "email:ada.lovelace@example.com";
    private const string PhoneKey = "phone:+15557654321";
    private static readonly StorageOptions Options = new() { ConnectionString = "UseDevelopmentStorage=true", MaxRetries = 2, RetryBaseDelay = TimeSpan.Zero };
    private static readonly string[] Personal =
    [
        "ada.lovelace", "example.com", "5557654321", EscapedEmailKey, Uri.EscapeDataString(PhoneKey),
    ];

    private static string EscapedEmailKey => Uri.EscapeDataString(EmailKey);

    [Fact]
    public async Task Retry_warning_names_table_and_operation_but_not_the_entity_keys()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.ServiceUnavailable), StubHandler.Status(HttpStatusCode.NoContent));
        using var logs = new LogCapture();
        using var account = Account(handler, logs);

        await account.GetTableClient("identities").UpdateAsync(new TableEntity(EmailKey, ""), "*", TableUpdateMode.Replace, default);

        var warning = Assert.Single(logs.Entries);
        Assert.Contains("Table Update identities failed with 503", warning.Message, StringComparison.Ordinal);
        Assert.Contains(handler.Requests, r => r.RequestUri!.AbsoluteUri.Contains(EscapedEmailKey, StringComparison.Ordinal));
        Assert.Empty(logs.Containing(Personal));
    }

    [Fact]
    public async Task Storage_error_after_all_attempts_names_the_table_not_the_entity_keys()
    {
        var handler = new StubHandler(StubHandler.Throw(new HttpRequestException("refused")));
        using var logs = new LogCapture();
        using var account = Account(handler, logs);

        var error = await Assert.ThrowsAsync<StorageException>(() => account.GetTableClient("identities").GetEntityAsync(PhoneKey, "", default));

        Assert.StartsWith("Storage Table GetEntity identities failed after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, logs.Entries.Count);
        Assert.DoesNotContain(Personal, p => error.Message.Contains(p, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(logs.Containing(Personal));
    }

    [Fact]
    public async Task Failed_batch_names_the_table_not_the_partition()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Headers = { { "x-ms-error-code", "InvalidInput" } } });
        using var account = Account(handler, null);

        var error = await Assert.ThrowsAsync<StorageException>(() => account.GetTableClient("identities")
            .SubmitBatchAsync([TableBatchOperation.Insert(new TableEntity(EmailKey, ""))], default));

        Assert.StartsWith("Storage Table Batch identities failed with 400 (InvalidInput)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Personal, p => error.Message.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sdk_diagnostics_forwarded_at_trace_carry_no_entity_keys()
    {
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.ServiceUnavailable), StubHandler.Status(HttpStatusCode.NoContent));
        using var logs = new LogCapture();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddChurnStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Logging:LogLevel:Default"] = "Trace",
            }).Build(), o => o.RetryBaseDelay = TimeSpan.Zero);
        services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.Transport = new HttpClientTransport(handler)));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<StorageAccount>().GetTableClient("identities")
            .UpdateAsync(new TableEntity(EmailKey, ""), "*", TableUpdateMode.Replace, default);

        Assert.Contains(handler.Requests, r => r.RequestUri!.AbsoluteUri.Contains(EscapedEmailKey, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("Table Update identities failed with 503", StringComparison.Ordinal));
        Assert.Empty(logs.Containing(Personal));
    }

    private static StorageAccount Account(StubHandler handler, LogCapture? logs) =>
        StorageAccount.Create(Options, credential: null, new HttpClientTransport(handler), logs?.CreateLogger("storage"));
}
