using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// The self-host's request log, in place of ASP.NET Core's (capped by the shared log filter): the route template, not
/// the URL, because a query carries emails and phones and a path may carry whatever a caller put in an id.
/// </summary>
internal sealed partial class RouteRequestLogging(RequestDelegate next, ILogger<RouteRequestLogging> logger, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            // The exception handler clears the endpoint before it answers; its feature keeps the one that failed.
            var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, elapsedMs);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
