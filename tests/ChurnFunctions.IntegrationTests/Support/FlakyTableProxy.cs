using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>
/// A pass-through proxy in front of Azurite's Table endpoint that answers 503 to every <c>failEvery</c>-th request
/// addressing an entity of one table, so the storage client's retry path runs against the real service. Shared Key
/// signatures do not cover the host, so requests are forwarded as signed, with the raw (still escaped) target.
/// </summary>
internal sealed class FlakyTableProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length" };
    private readonly WebApplication app;
    private readonly HttpClient forward = new(new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private int matched;
    private int failed;

    private FlakyTableProxy(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    public int Failed => failed;

    public static async Task<FlakyTableProxy> StartAsync(Uri tableEndpoint, string table, int failEvery)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FlakyTableProxy(app);
        var target = new Uri(tableEndpoint.GetLeftPart(UriPartial.Authority));
        app.Run(context => proxy.HandleAsync(context, target, $"/{table}(", failEvery));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        proxy.Endpoint = new Uri(address, tableEndpoint.AbsolutePath);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        forward.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Uri target, string entityPrefix, int failEvery)
    {
        if (context.Request.Path.Value!.Contains(entityPrefix, StringComparison.Ordinal) && Interlocked.Increment(ref matched) % failEvery == 1)
        {
            Interlocked.Increment(ref failed);

            // Read the body as the service would, so Kestrel keeps the connection for the client's retry.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, context.Features.Get<IHttpRequestFeature>()!.RawTarget));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || context.Request.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await forward.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
