using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ChurnFunctions.Storage.Connection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChurnFunctions.Storage.Http;

/// <summary>
/// The one HttpClient every storage client shares (pooled connections), with the retry policy: 408, 500, 503, 504,
/// per-attempt timeouts and connection failures are retried with exponential backoff and jitter; everything else,
/// including 404, 409 and 412, is returned to the caller after the first attempt. A caller's cancellation is never
/// retried. Note that a retried write may have succeeded the first time: the retry then sees 409 (insert) or 412
/// (conditional update), which callers must read as "possibly mine".
/// </summary>
internal sealed class StorageHttp : IDisposable
{
    public const string ApiVersion = "2025-01-05";

    private static readonly ResiliencePropertyKey<StorageRequest> RequestKey = new("storage-request");
    private readonly HttpClient _client;
    private readonly StorageAuthorizer _authorizer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly int _maxAttempts;

    public StorageHttp(StorageConnection connection, StorageOptions options, ILogger? logger = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        Connection = connection;
        _authorizer = connection.Authorizer;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _client = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
        _client.DefaultRequestHeaders.ExpectContinue = false;
        _maxAttempts = options.MaxRetries + 1;
        _pipeline = BuildPipeline(options);
    }

    public StorageConnection Connection { get; }

    public static SocketsHttpHandler CreateHandler(StorageOptions options) => new()
    {
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    /// <summary>Sends with retries; the response body is buffered. The caller disposes the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(StorageRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, self) => self.SendOnceAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken),
                context,
                this).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new StorageException(
                $"Storage {request.Service} {request.Operation} {request.Resource} failed after {_maxAttempts} attempt(s): {ex.GetType().Name}.", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Throws the <see cref="StorageException"/> that describes an unexpected response.</summary>
    public static async Task<StorageException> ErrorAsync(StorageRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        var requestId = response.Headers.TryGetValues("x-ms-request-id", out var ids) ? ids.FirstOrDefault() : null;
        if (code is null)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            code = ErrorBody.Code(body);
        }

        return new StorageException(
            $"Storage {request.Service} {request.Operation} {request.Resource} failed with {(int)response.StatusCode} ({code ?? response.ReasonPhrase}), request id {requestId ?? "-"}.",
            response.StatusCode,
            code,
            requestId);
    }

    public void Dispose() => _client.Dispose();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) =>
        outcome.Exception switch
        {
            HttpRequestException or TimeoutRejectedException => true,
            OperationCanceledException => !callerToken.IsCancellationRequested,
            null => outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            _ => false,
        };

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(StorageOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var outcome = args.Outcome.Exception?.GetType().Name
                                  ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(CultureInfo.InvariantCulture) ?? "?";
                    Logs.RetryingRequest(_logger, request.Service, request.Operation, request.Resource, outcome,
                        args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(StorageRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.ContentType is not null || !request.Body.IsEmpty)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        message.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        message.Headers.TryAddWithoutValidation("x-ms-date", _timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        await _authorizer.AuthorizeAsync(message, request.Service, cancellationToken).ConfigureAwait(false);
        return await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }
}
