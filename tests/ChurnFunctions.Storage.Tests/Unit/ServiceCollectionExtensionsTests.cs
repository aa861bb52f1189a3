using System.Net;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void Setting_value_binds_as_the_connection_string()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.NotNull(provider.GetRequiredService<ICustomerStore>());
        Assert.NotNull(provider.GetRequiredService<IIdentityIndex>());
        Assert.NotNull(provider.GetRequiredService<IMessageQueueFactory>());
        Assert.NotNull(provider.GetRequiredService<IBlobStore>());
    }

    [Fact]
    public void Section_children_bind_as_an_identity_based_connection()
    {
        using var provider = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "acme",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example",
        });

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var account = provider.GetRequiredService<StorageAccount>();

        Assert.Null(options.ConnectionString);
        Assert.Equal("acme", options.AccountName);
        Assert.Equal("managedidentity", options.Credential);
        Assert.Equal(new Uri("https://tables.example"), account.TableService.Uri);
        Assert.Same(account.TableService, provider.GetRequiredService<TableServiceClient>());
        Assert.Equal("https://acme.queue.core.windows.net/", account.QueueService.Uri.AbsoluteUri);
        Assert.Equal("https://acme.blob.core.windows.net/", account.BlobService.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Identity_based_settings_reach_every_sdk_client_with_a_bearer_token_from_the_credential()
    {
        var credential = new RecordingCredential("token-for-storage");
        var handler = new StubHandler(StubHandler.Status(HttpStatusCode.NotFound));
        var services = new ServiceCollection().AddChurnStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "acme",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example",
        }).Build());

        // Through Microsoft.Extensions.Azure, the way a host would swap the credential or the transport.
        services.AddAzureClients(clients => clients.UseCredential(credential).ConfigureDefaults(o => o.Transport = new HttpClientTransport(handler)));
        using var provider = services.BuildServiceProvider();
        var account = provider.GetRequiredService<StorageAccount>();

        Assert.Null(await account.GetTableClient("identities").GetEntityAsync("p", "r", default));
        Assert.False(await account.GetQueueClient("ingest").DeleteAsync("id", "receipt", default));
        Assert.Null(await account.GetBlobClient("bodies").GetAsync("b.json", default));

        Assert.Equal(["tables.example", "acme.queue.core.windows.net", "acme.blob.core.windows.net"], handler.Requests.Select(r => r.RequestUri!.Host));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer token-for-storage", r.Headers.Authorization?.ToString()));
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
    }

    [Fact]
    public void Bad_connection_string_stops_start_naming_the_setting()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "AccountName=acme;AccountKey=not-base64!" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("'AzureWebJobsStorage' is not a valid storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_credential_setting_stops_start_naming_it()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage:accountName"] = "acme", ["AzureWebJobsStorage:credential"] = "secret" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("'AzureWebJobsStorage__credential'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_setting_fails_validation()
    {
        using var provider = Build([]);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddChurnStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
