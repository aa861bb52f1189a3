using ChurnFunctions.Core.Ports;
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
        Assert.Equal("Bearer", account.Connection.AuthKind);
        Assert.Equal(new Uri("https://tables.example"), account.Connection.TableEndpoint);
        Assert.Equal(new Uri("https://acme.queue.core.windows.net"), account.Connection.QueueEndpoint);
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
