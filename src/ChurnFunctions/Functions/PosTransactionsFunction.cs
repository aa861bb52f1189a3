using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>POST /api/transactions: the body and headers go to <see cref="IngestEndpoints.PosAsync"/>, unchanged from the self-host.</summary>
public sealed class PosTransactionsFunction(IngestEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("PosTransactions")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.PosTransactionsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.PosAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
