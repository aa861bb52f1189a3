using System.Reflection;
using ChurnFunctions.Api;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// The Functions app without a Functions host: its services registered as Program.cs registers them, against a test
/// Azurite, and its functions called as the worker binds them. No host means no gRPC invocation channel, which the
/// worker's ASP.NET Core integration needs to pair a request with an invocation, so an HTTP function gets a
/// DefaultHttpContext built from a real request (body, headers, route values) and writes a response body read back.
/// HTTP invocations pass through <see cref="HttpExceptionMiddleware"/>, as Program.cs registers it.
/// </summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    private static readonly IReadOnlyList<(Type Type, MethodInfo Method, string Name)> Functions =
        typeof(HttpExceptionMiddleware).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Where(f => f.Method.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(f => (f.Type, f.Method, f.Method.GetCustomAttribute<FunctionAttribute>()!.Name))
            .ToList();

    private readonly ServiceProvider services;

    private FunctionApp(ServiceProvider services) => this.services = services;

    public IServiceProvider Services => services;

    /// <param name="replace">Replaces registrations after the app's own, e.g. a store that fails.</param>
    /// <param name="settings">App settings over <see cref="FunctionSettings"/>' (a null value removes one).</param>
    public static FunctionApp Create(
        string storageConnectionString, Action<IServiceCollection>? replace = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = FunctionSettings.For(storageConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // Program.cs, without the worker's own services (the gRPC channel to a host that is not here).
        services.AddChurnFunctions(configuration);
        services.AddDurableCampaigns();
        services.AddSingleton<HttpExceptionMiddleware>();
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // What the host does on start: every options class registered with ValidateOnStart is validated.
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new FunctionApp(provider);
    }

    /// <summary>The function class as the worker creates it per invocation.</summary>
    public T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);

    /// <summary>
    /// Invokes the HTTP function <paramref name="functionName"/> (its <c>[Function]</c> name) through the middleware:
    /// its HttpRequest parameter takes the request, a string parameter the route value of its name, a CancellationToken
    /// the invocation's token.
    /// </summary>
    public async Task<FunctionResponse> InvokeHttpAsync(string functionName, FunctionRequest request, CancellationToken cancellationToken = default)
    {
        var (type, method, _) = Functions.Single(f => f.Name == functionName);
        await using var scope = services.CreateAsyncScope();
        var http = request.ToHttpContext(scope.ServiceProvider, cancellationToken);
        var context = FakeFunctionContext.Create(functionName, scope.ServiceProvider, http, cancellationToken);
        var middleware = services.GetRequiredService<HttpExceptionMiddleware>();
        await middleware.Invoke(context, async _ =>
        {
            var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            var arguments = method.GetParameters().Select(p => Bind(p, http, cancellationToken)).ToArray();
            await (Task)method.Invoke(instance, arguments)!;
        });
        return await FunctionResponse.ReadAsync(http);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    /// <summary>What a <c>[DurableClient]</c> parameter gets: no instances unless a test sets some up.</summary>
    public Mock<DurableTaskClient> DurableClient { get; } = EmptyDurableClient();

    private static Mock<DurableTaskClient> EmptyDurableClient()
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>([], null))));
        return client;
    }

    private object? Bind(ParameterInfo parameter, HttpContext http, CancellationToken cancellationToken) => parameter.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => http.Request,
        var t when t == typeof(DurableTaskClient) => DurableClient.Object,
        var t when t == typeof(CancellationToken) => cancellationToken,
        var t when t == typeof(string) && http.Request.RouteValues.TryGetValue(parameter.Name!, out var value) => value?.ToString(),
        _ => throw new InvalidOperationException($"No binding for parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}."),
    };
}
