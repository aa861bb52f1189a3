using ChurnFunctions.Storage.Connection;
using Moq;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class StorageConnectionTests
{
    private const string Key = "a2V5a2V5a2V5a2V5a2V5a2V5"; // base64 of "keykeykeykeykeykeykey"

    [Fact]
    public void Development_storage_uses_azurite_ports_and_path_style_urls()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal("SharedKey", connection.AuthKind);
    }

    [Fact]
    public void Explicit_endpoints_are_used_as_given_without_trailing_slash()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1/;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:5000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal("http://127.0.0.1:5001/devstoreaccount1", connection.QueueEndpoint!.AbsoluteUri);
        Assert.Equal(new Uri("http://127.0.0.1:5002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Fact]
    public void Account_and_suffix_build_the_service_hosts()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://acme.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://acme.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
        Assert.Equal(new Uri("https://acme.blob.core.chinacloudapi.cn"), connection.BlobEndpoint);
    }

    [Fact]
    public void Account_without_suffix_defaults_to_the_public_cloud()
    {
        var connection = StorageConnection.Parse($"AccountName=acme;AccountKey={Key}");

        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), connection.BlobEndpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("AccountName=acme")]
    [InlineData("AccountKey=a2V5")]
    [InlineData("AccountName=acme;AccountKey=not*base64!")]
    [InlineData("AccountName=acme;AccountName=other;AccountKey=a2V5")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acme;AccountKey=a2V5")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("AccountName=acme;AccountKey=a2V5;BlobEndpoint=not a uri")]
    public void Bad_connection_strings_fail_with_a_format_error(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_description_never_show_the_key()
    {
        const string secret = "c2VjcmV0c2VjcmV0c2VjcmV0";
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountKey={secret};Bogus"));
        var connection = StorageConnection.Parse($"AccountName=acme;AccountKey={secret}");

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_based_options_derive_endpoints_from_the_account_name()
    {
        var connection = StorageConnection.FromOptions(
            new StorageOptions { AccountName = "acme", QueueServiceUri = new Uri("https://queues.example/") },
            new Mock<Azure.Core.TokenCredential>().Object);

        Assert.Equal("Bearer", connection.AuthKind);
        Assert.Equal(new Uri("https://acme.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal("https://queues.example/", connection.QueueEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void Missing_service_endpoint_fails_clearly_when_used()
    {
        var connection = StorageConnection.FromOptions(
            new StorageOptions { BlobServiceUri = new Uri("https://b.example") }, new Mock<Azure.Core.TokenCredential>().Object);

        var error = Assert.Throws<InvalidOperationException>(() => connection.GetEndpoint(StorageService.Table));

        Assert.Contains("Table", error.Message, StringComparison.Ordinal);
    }
}
