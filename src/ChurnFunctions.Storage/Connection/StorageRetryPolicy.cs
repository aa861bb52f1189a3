using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// The SDK's retry policy (408, 429, 500, 502, 503, 504, timeouts and connection failures; never 404, 409 or 412, nor
/// a caller's cancellation) with one warning per retry that names the call as <see cref="StorageCall"/> describes it:
/// the table, queue or container, never the request's URL (a table entity's URL holds its keys).
/// </summary>
internal sealed class StorageRetryPolicy(int maxRetries, DelayStrategy delayStrategy, ILogger logger) : RetryPolicy(maxRetries, delayStrategy)
{
    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception)
    {
        var retry = await base.ShouldRetryAsync(message, exception).ConfigureAwait(false);
        Log(retry, message, exception);
        return retry;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception)
    {
        var retry = base.ShouldRetry(message, exception);
        Log(retry, message, exception);
        return retry;
    }

    private void Log(bool retry, HttpMessage message, Exception? exception)
    {
        if (!retry)
        {
            return;
        }

        var call = StorageCall.Current;
        var outcome = exception is not null ? StorageCall.Cause(exception).GetType().Name
            : message.HasResponse ? message.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        Logs.RetryingRequest(logger, call?.Service.ToString() ?? "Storage", call?.Operation ?? message.Request.Method.Method,
            call?.Resource ?? "-", outcome, message.ProcessingContext.RetryNumber + 1);
    }
}
