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
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, elapsedMs);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
