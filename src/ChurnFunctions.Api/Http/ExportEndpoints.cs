using ChurnFunctions.Api.Exports;
using ChurnFunctions.Core.Exports;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/export/{what}?format=csv|parquet: an analyst export, streamed from storage as a download.</summary>
public sealed class ExportEndpoints(AnalystExports exports, ApiKeyGate gate)
{
    public IResult Get(string? what, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        if (exports.Open(what, cancellationToken) is not { } table)
        {
            return Problems.NotFound($"No export '{what}': use {string.Join(", ", AnalystExports.Kinds)}.");
        }

        if (!ExportFormats.TryParse(request.Query["format"].ToString(), out var format))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["format"] = ["Use csv (the default) or parquet."] });
        }

        return new ExportResult(table, format);
    }

    private sealed class ExportResult(ExportTable table, ExportFormat format) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = ExportFormats.ContentType(format);
            response.Headers.ContentDisposition = $"attachment; filename=\"{table.Name}.{ExportFormats.Extension(format)}\"";
            return ExportFormats.WriteAsync(format, table, response.Body, httpContext.RequestAborted);
        }
    }
}
