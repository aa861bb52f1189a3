using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>What a function wrote on its HttpContext, or what the self-host answered.</summary>
internal sealed record FunctionResponse(int Status, string? ContentType, string Body)
{
    public string? MediaType => ContentType?.Split(';')[0].Trim();

    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    /// <summary>The body without its traceId, which differs per request.</summary>
    public JsonNode? ProblemWithoutTraceId
    {
        get
        {
            var json = Json;
            (json as JsonObject)?.Remove("traceId");
            return json;
        }
    }

    public static async Task<FunctionResponse> ReadAsync(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, leaveOpen: true);
        return new FunctionResponse(context.Response.StatusCode, context.Response.ContentType, await reader.ReadToEndAsync());
    }

    public static async Task<FunctionResponse> ReadAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        response.Content.Headers.ContentType?.ToString(),
        await response.Content.ReadAsStringAsync());

    public override string ToString() => $"{Status} {ContentType} {Body}";
}
