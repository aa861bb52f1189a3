using System.Globalization;
using ChurnFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Telemetry;

/// <summary>
/// The span around each queue message, as the self-host's listener starts it, under the worker's invocation span.
/// The queue comes from the one trigger table by function name; the message id and dequeue count from the trigger's
/// metadata, as the functions bind them.
/// </summary>
public sealed class QueueMessageSpanMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly IReadOnlyDictionary<string, string> QueueByFunction =
        Triggers.Queues.ToDictionary(q => q.Name, q => q.Queue, StringComparer.Ordinal);

    public static bool Handles(FunctionContext context) => QueueByFunction.ContainsKey(context.FunctionDefinition.Name);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!QueueByFunction.TryGetValue(context.FunctionDefinition.Name, out var queue))
        {
            await next(context);
            return;
        }

        var metadata = context.BindingContext.BindingData;
        var messageId = metadata.TryGetValue("Id", out var id) ? id?.ToString() : null;
        var dequeueCount = metadata.TryGetValue("DequeueCount", out var count) && long.TryParse(count?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        using var activity = ChurnTelemetry.StartQueueMessage(queue, messageId, dequeueCount);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            activity.Fail(ex);
            throw;
        }
    }
}
