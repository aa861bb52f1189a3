using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// Logs a request's unhandled exception by route, type chain and stack, as the Functions app's HttpExceptionMiddleware
/// does, in place of the exception handler's own log of the whole exception: a message may quote what a caller sent
/// (an email, a phone). Returns false, so the problem details writer still answers 500.
/// </summary>
internal sealed partial class ExceptionTypeLogger(ILogger<ExceptionTypeLogger> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        LogFailed(logger, httpContext.Request.Method, route, TypeChain(exception), exception.StackTrace ?? "");
        return ValueTask.FromResult(false);
    }

    internal static string TypeChain(Exception exception)
    {
        var types = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            types.Add(e.GetType().FullName ?? e.GetType().Name);
        }

        return string.Join(" <- ", types);
    }

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "HTTP {Method} {Route} failed with {ExceptionTypes}\n{StackTrace}")]
    private static partial void LogFailed(ILogger logger, string method, string route, string exceptionTypes, string stackTrace);
}
