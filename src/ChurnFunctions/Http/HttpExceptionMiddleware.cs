using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ChurnFunctions.Http;

/// <summary>
/// An unhandled exception in an HTTP function answers 500 application/problem+json, as the self-host's
/// UseExceptionHandler does, instead of the bare 500 the Functions host would send. Only HTTP invocations are caught
/// (those carry the ASP.NET Core HttpContext): a queue or timer function's exception propagates, so the host retries
/// the message and poisons it in the end.
/// </summary>
public sealed class HttpExceptionMiddleware(IProblemDetailsService problemDetails, ILogger<HttpExceptionMiddleware> logger)
    : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            // Types and code locations only: a request's body, headers and an exception's message may hold personal data.
            logger.HttpFunctionFailed(context.FunctionDefinition.Name, context.InvocationId, TypeChain(exception), exception.StackTrace ?? "");
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            // As the exception handler: an error answer must not be cached or carry the failed answer's validators.
            http.Response.Headers.CacheControl = "no-cache,no-store";
            http.Response.Headers.Pragma = "no-cache";
            http.Response.Headers.Expires = "-1";
            http.Response.Headers.Remove(HeaderNames.ETag);
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status500InternalServerError },
                Exception = exception,
            });
        }
    }

    private static string TypeChain(Exception exception)
    {
        var types = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            types.Add(e.GetType().FullName ?? e.GetType().Name);
        }

        return string.Join(" <- ", types);
    }
}
