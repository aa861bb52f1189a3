using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>An answer plus one response header (Retry-After, Location) that the typed result itself does not set.</summary>
internal sealed class ResultWithHeader(IResult inner, string name, string value) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
