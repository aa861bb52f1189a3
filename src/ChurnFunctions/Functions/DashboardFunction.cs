using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/dashboard/{*path}: the staff dashboard's static files, through <see cref="DashboardEndpoint.Get"/>.</summary>
public sealed class DashboardFunction(DashboardEndpoint endpoint)
{
    // The endpoint reads the file name from the request path, so no route value needs binding.
    [Function("Dashboard")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.DashboardRoute)] HttpRequest request)
    {
        await endpoint.Get(request).ExecuteAsync(request.HttpContext);
    }
}
