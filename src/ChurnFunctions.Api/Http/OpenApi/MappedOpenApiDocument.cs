using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>
/// The OpenAPI document for a host that does not map the endpoints itself (the Functions app, whose routes are
/// function attributes): <see cref="ChurnApiEndpoints"/> mapped on an app that is built but never started, and the
/// document generated from it, once.
/// </summary>
public static class MappedOpenApiDocument
{
    private static readonly Lazy<Task<string>> Json = new(BuildAsync);

    public static Task<string> GetJsonAsync(CancellationToken cancellationToken) => Json.Value.WaitAsync(cancellationToken);

    private static async Task<string> BuildAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ChurnApiEndpoints).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddChurnOpenApi();
        foreach (var type in ChurnApiEndpoints.HandlerServiceTypes())
        {
            // Never resolved: parameter inference only asks whether the type is a service.
            builder.Services.AddSingleton(type, _ => throw new InvalidOperationException("Documentation only."));
        }

        await using var app = builder.Build();
        app.MapChurnApi();
        // What starting the app would do: hand its endpoints to routing, where the document generator looks for them.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ChurnOpenApi.DocumentName);
        return await ChurnOpenApi.ToJsonAsync(provider, CancellationToken.None);
    }
}
