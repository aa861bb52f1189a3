extern alias SelfHost;

using SelfHost::ChurnFunctions.SelfHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// `churn serve` on Kestrel (127.0.0.1, a free port) with the settings the Functions app runs on and no queue
/// listeners or timers: the answer a Functions HTTP function is compared with.
/// </summary>
internal sealed class ComparisonSelfHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ComparisonSelfHost(WebApplication app, Uri address)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public static async Task<ComparisonSelfHost> StartAsync(string storageConnectionString, Action<IServiceCollection>? replace = null)
    {
        var app = ChurnHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.RemoveAll<IHostedService>();
                replace?.Invoke(builder.Services);
            },
            FunctionSettings.For(storageConnectionString));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ComparisonSelfHost(app, new Uri(address));
    }

    public async Task<FunctionResponse> SendAsync(FunctionRequest request)
    {
        using var message = request.ToHttpRequestMessage();
        using var response = await Client.SendAsync(message);
        return await FunctionResponse.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
