using ChurnFunctions.Storage.Connection;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class StorageClientsTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Development_storage_reaches_azurite_ports_with_path_style_urls()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", StorageClients.CreateTableServiceClient(options).Uri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", StorageClients.CreateQueueServiceClient(options).Uri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", StorageClients.CreateBlobServiceClient(options).Uri.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Explicit_endpoints_of_a_connection_string_are_used_as_given()
    {
        var options = new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
                "BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1;" +
                "TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;",
        };

        Assert.StartsWith("http://127.0.0.1:5002/devstoreaccount1", StorageClients.CreateTableServiceClient(options).Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:5001/devstoreaccount1", StorageClients.CreateQueueServiceClient(options).Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:5000/devstoreaccount1", StorageClients.CreateBlobServiceClient(options).Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(StorageClients.Validate(options));
    }

    [Fact]
    public void Identity_based_endpoints_derive_from_the_account_name_unless_set()
    {
        var options = new StorageOptions { AccountName = "acme", QueueServiceUri = new Uri("https://queues.example/") };

        Assert.Equal(new Uri("https://acme.table.core.windows.net"), StorageClients.ServiceUri(options, "table"));
        Assert.Equal(new Uri("https://queues.example/"), StorageClients.ServiceUri(options, "queue"));
        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), StorageClients.ServiceUri(options, "blob"));
        Assert.Empty(StorageClients.Validate(options));
    }

    [Fact]
    public void Managed_identity_setting_uses_only_the_managed_identity()
    {
        var managed = StorageClients.CreateCredential(new StorageOptions { AccountName = "acme", Credential = "managedidentity", ClientId = Guid.NewGuid().ToString() });
        var fallback = StorageClients.CreateCredential(new StorageOptions { AccountName = "acme" });

        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(managed);
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(fallback);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=maybe")]
    [InlineData("AccountName=acme;AccountKey=not-base64!")]
    [InlineData("Bogus")]
    public void Bad_connection_string_names_the_setting_and_never_shows_the_string(string connectionString)
    {
        var errors = StorageClients.Validate(new StorageOptions { ConnectionString = connectionString });

        var error = Assert.Single(errors);
        Assert.Contains("'AzureWebJobsStorage' is not a valid storage connection string", error, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_a_bad_connection_string_never_shows()
    {
        var errors = StorageClients.Validate(new StorageOptions { ConnectionString = $"AccountKey={Key};Bogus" });

        Assert.DoesNotContain(errors, e => e.Contains(Key, StringComparison.Ordinal) || e.Contains(Key[..12], StringComparison.Ordinal));
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData(null, null, "servicebus", null, "AzureWebJobsStorage__credential")]
    [InlineData(null, null, "managedidentity", "not-a-guid", "AzureWebJobsStorage__clientId")]
    [InlineData(null, "http://127.0.0.1:10002/devstoreaccount1", null, null, "AzureWebJobsStorage__tableServiceUri")]
    public void Bad_identity_setting_is_named(string? accountName, string? tableUri, string? credential, string? clientId, string setting)
    {
        var options = new StorageOptions
        {
            AccountName = accountName ?? "acme",
            TableServiceUri = tableUri is null ? null : new Uri(tableUri),
            Credential = credential,
            ClientId = clientId,
        };

        Assert.Contains(StorageClients.Validate(options), e => e.Contains($"'{setting}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Service_uri_without_account_name_names_the_missing_settings()
    {
        var errors = StorageClients.Validate(new StorageOptions { TableServiceUri = new Uri("https://tables.example") });

        Assert.Contains(errors, e => e.Contains("'AzureWebJobsStorage__queueServiceUri'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'AzureWebJobsStorage__blobServiceUri'", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("tableServiceUri", StringComparison.Ordinal));
    }
}
