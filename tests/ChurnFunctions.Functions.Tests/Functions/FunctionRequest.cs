using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>One HTTP request, as an ASP.NET Core HttpContext for a function or as a message for the self-host.</summary>
internal sealed record FunctionRequest(string Method, string Route)
{
    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Without the leading '?'.</summary>
    public string? Query { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Path => "/api/" + RouteValues.Aggregate(Route, (route, value) => route.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));

    public static FunctionRequest Json(string method, string route, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(method, route) { Body = body, ContentType = "application/json", Headers = headers ?? new Dictionary<string, string>() };

    /// <summary>A GET with the API key, which the read routes require.</summary>
    public static FunctionRequest Read(string route, string? query = null, IReadOnlyDictionary<string, string>? routeValues = null) =>
        new("GET", route)
        {
            Query = query,
            RouteValues = routeValues ?? new Dictionary<string, string>(),
            Headers = new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey },
        };

    /// <summary>What the worker's ASP.NET Core integration hands the function: the request with its route values, a response to write.</summary>
    public DefaultHttpContext ToHttpContext(IServiceProvider requestServices, CancellationToken aborted = default)
    {
        var context = new DefaultHttpContext { RequestServices = requestServices, RequestAborted = aborted };
        var request = context.Request;
        request.Method = Method;
        request.Scheme = "http";
        request.Host = new HostString("localhost", 7071);
        request.Path = Path;
        request.QueryString = Query is null ? QueryString.Empty : new QueryString("?" + Query);
        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = value;
        }

        foreach (var (name, value) in RouteValues)
        {
            request.RouteValues[name] = value;
        }

        if (Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = ContentType;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    public HttpRequestMessage ToHttpRequestMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path + (Query is null ? "" : "?" + Query));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }
}
