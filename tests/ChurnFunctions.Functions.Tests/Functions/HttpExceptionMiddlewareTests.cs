using ChurnFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>The worker middleware turns an HTTP function's exception into a 500 problem, and lets any other function's exception through.</summary>
public sealed class HttpExceptionMiddlewareTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Http_function_exception_answers_500_problem_json()
    {
        var http = new FunctionRequest("GET", "customers/{id}") { RouteValues = new Dictionary<string, string> { ["id"] = "c1" } }.ToHttpContext(services);
        http.Response.Headers.ETag = "\"half-written\"";
        var context = FakeFunctionContext.Create("GetCustomer", services, http);

        await Middleware().Invoke(context, _ => throw new InvalidOperationException("customer jane@example.com broke it"));

        var response = await FunctionResponse.ReadAsync(http);
        Assert.Equal(500, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(500, response.Json!["status"]!.GetValue<int>());
        Assert.NotNull(response.Json!["title"]);
        Assert.DoesNotContain("jane@example.com", response.Body, StringComparison.Ordinal);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
        Assert.Equal("no-cache,no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Http_function_exception_is_logged_with_the_function_and_type_but_not_the_message()
    {
        var logger = new ListLogger();
        var http = new FunctionRequest("GET", "customers").ToHttpContext(services);
        var context = FakeFunctionContext.Create("FindCustomers", services, http);

        await new HttpExceptionMiddleware(services.GetRequiredService<IProblemDetailsService>(), logger)
            .Invoke(context, _ => throw new InvalidOperationException("no customer jane@example.com", new TimeoutException("+15551234567")));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("FindCustomers", entry.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException <- System.TimeoutException", entry.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HttpExceptionMiddlewareTests), entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("+15551234567", entry.Message, StringComparison.Ordinal);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task Http_function_that_succeeds_keeps_its_answer()
    {
        var http = new FunctionRequest("GET", "health").ToHttpContext(services);
        var context = FakeFunctionContext.Create("Health", services, http);

        await Middleware().Invoke(context, _ =>
        {
            http.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        Assert.Equal(204, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task Queue_function_exception_propagates_so_the_host_retries_it()
    {
        var context = FakeFunctionContext.Create("IngestQueue", services);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Middleware().Invoke(context, _ => throw new InvalidOperationException("storage fault")));

        Assert.Equal("storage fault", thrown.Message);
    }

    [Fact]
    public async Task Exception_after_the_response_started_propagates()
    {
        var http = new FunctionRequest("GET", "health").ToHttpContext(services);
        var started = new StartedResponseFeature();
        http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(started);
        var context = FakeFunctionContext.Create("Health", services, http);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Middleware().Invoke(context, _ => throw new InvalidOperationException("late")));
    }

    private HttpExceptionMiddleware Middleware() =>
        new(services.GetRequiredService<IProblemDetailsService>(), NullLogger<HttpExceptionMiddleware>.Instance);

    private sealed class ListLogger : ILogger<HttpExceptionMiddleware>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }

    private sealed class StartedResponseFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
