using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers?email=…&amp;phone=…: a customer by contact, through <see cref="CustomerEndpoints.FindAsync"/>.</summary>
public sealed class FindCustomersFunction(CustomerEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("FindCustomers")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomersRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.FindAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
