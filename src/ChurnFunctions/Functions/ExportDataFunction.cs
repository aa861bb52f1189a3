using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/export/{what}: an analyst export as CSV or Parquet, through <see cref="ExportEndpoints.Get"/>.</summary>
public sealed class ExportDataFunction(ExportEndpoints endpoints)
{
    // The route value is read from the request, so a bare request without one is the handler's 404, not a binding error.
    [Function("ExportData")]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.ExportRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.Get(request.RouteValues["what"]?.ToString(), request, cancellationToken).ExecuteAsync(request.HttpContext);
}
