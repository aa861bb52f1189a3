using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;

namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// What logs and errors may say about the storage call in flight: service, operation and resource (table, queue or
/// container name). Set by the adapter before it calls the SDK, and read by <see cref="StorageRetryPolicy"/> down the
/// same async flow. Never the entity's keys nor a URL: identity keys are emails and phones.
/// </summary>
internal sealed record StorageCall(StorageService Service, string Operation, string Resource)
{
    private static readonly AsyncLocal<StorageCall?> InFlight = new();

    public static StorageCall? Current => InFlight.Value;

    /// <summary>Marks the calls that follow in this async flow (the caller's flow is untouched once the calling async method returns).</summary>
    public static StorageCall Begin(StorageService service, string operation, string resource)
    {
        var call = new StorageCall(service, operation, resource);
        InFlight.Value = call;
        return call;
    }

    /// <summary>
    /// The transport failure under the SDK's wrappers: the last attempt's exception of a retry's AggregateException,
    /// and under a status-0 RequestFailedException the HttpRequestException or timeout that caused it.
    /// </summary>
    public static Exception Cause(Exception exception)
    {
        var current = exception;
        if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            current = aggregate.InnerExceptions[^1];
        }

        return current is RequestFailedException { Status: 0, InnerException: { } inner } ? inner : current;
    }

    /// <summary>The <see cref="StorageException"/> for a failure the caller is not expected to handle.</summary>
    public StorageException Failed(Exception exception, int attempts)
    {
        // The SDK's exception stays out: its message quotes the response body, which this adapter does not vet.
        if (exception is RequestFailedException { Status: > 0 } failed)
        {
            var response = failed.GetRawResponse();
            var requestId = response?.Headers.RequestId;

            // The Tables SDK reads the code from the body only; the service also sends it as a header.
            var code = failed.ErrorCode ?? (response is not null && response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null);
            return new StorageException(
                $"Storage {Service} {Operation} {Resource} failed with {failed.Status} ({code ?? response?.ReasonPhrase}), request id {requestId ?? "-"}.",
                (System.Net.HttpStatusCode)failed.Status,
                code,
                requestId);
        }

        var cause = Cause(exception);
        return new StorageException(
            $"Storage {Service} {Operation} {Resource} failed after {attempts.ToString(CultureInfo.InvariantCulture)} attempt(s): {cause.GetType().Name}.",
            cause);
    }

    /// <summary>True for what <see cref="Failed"/> describes: the SDK's failures, not a caller's cancellation or a bug.</summary>
    public static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is RequestFailedException or AggregateException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The values of a listing page by page, its failures turned into <see cref="StorageException"/> as <see cref="Failed"/> says.</summary>
    public static async IAsyncEnumerable<T> ListAsync<T>(
        StorageService service, string operation, string resource, int attempts, Func<CancellationToken, IAsyncEnumerable<Page<T>>> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : notnull
    {
        var call = Begin(service, operation, resource);
        var enumerator = pages(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    Begin(service, operation, resource);
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
                {
                    throw call.Failed(ex, attempts);
                }

                if (!more)
                {
                    yield break;
                }

                foreach (var value in enumerator.Current.Values)
                {
                    yield return value;
                }
            }
        }
    }
}
