using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Twilio.Sending;
using ChurnFunctions.Twilio.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChurnFunctions.Twilio;

/// <summary>
/// Sends SMS through the Twilio package: <see cref="MessageResource"/> create and read on a TwilioRestClient over the
/// project's HttpClient (the "Twilio" client of <see cref="IHttpClientFactory"/>, or one over a given handler), which
/// POSTs To, MessagingServiceSid or From, Body and StatusCallback (carrying our send id) to the account's Messages.json.
/// The SDK makes one request per call; retries, classification and the lookup before a retry are kept here.
/// 201 is Sent; 21610 OptedOut; 21211, 21614 and 21635 InvalidRecipient; 429/20429, 5xx, 408, timeouts and dropped
/// connections are retried with exponential backoff and jitter, then Transient; any other 4xx is Rejected at once.
/// </summary>
/// <remarks>
/// The Messages API has no idempotency key. When an attempt's outcome is unknown (timeout, connection lost after the
/// request went out, 5xx), the next attempt, or a last lookup when retries are spent, first lists the recipient's
/// recent messages; one with the same body (and sender) created since this send began is taken as ours instead of
/// creating another. A body Twilio transforms (a Messaging Service's smart encoding) defeats the match and the send
/// falls back to at-least-once; two sends of the same text to the same number within the window count as one.
/// </remarks>
public sealed class TwilioSmsSender : ISmsSender, IDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="ServiceCollectionExtensions.AddTwilio"/>.</summary>
    public const string HttpClientName = "Twilio";

    private static readonly ResiliencePropertyKey<SendState> StateKey = new("twilio-send");
    private readonly TwilioOptions _options;
    private readonly TwilioMessagesApi _api;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<AttemptResult> _pipeline;
    private readonly HttpClient? _ownedClient;

    /// <summary>A sender with its own HttpClient over <paramref name="handler"/> (or a pooled socket handler).</summary>
    public TwilioSmsSender(
        TwilioOptions options, ILogger<TwilioSmsSender>? logger = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
        : this(options, logger, timeProvider, TwilioHttp.CreateClient(options, handler))
    {
    }

    /// <summary>A sender over the "Twilio" client of <paramref name="httpClientFactory"/>, as AddTwilio registers it.</summary>
    public TwilioSmsSender(
        TwilioOptions options, IHttpClientFactory httpClientFactory, ILogger<TwilioSmsSender>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, ownedClient: null, () => httpClientFactory.CreateClient(HttpClientName))
    {
    }

    private TwilioSmsSender(TwilioOptions options, ILogger<TwilioSmsSender>? logger, TimeProvider? timeProvider, HttpClient ownedClient)
        : this(options, logger, timeProvider, ownedClient, () => ownedClient)
    {
    }

    private TwilioSmsSender(
        TwilioOptions options, ILogger<TwilioSmsSender>? logger, TimeProvider? timeProvider, HttpClient? ownedClient, Func<HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            ownedClient?.Dispose();
            throw new ArgumentException("Twilio is not configured: AccountSid, AuthToken and MessagingServiceSid or FromNumber are required.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<TwilioSmsSender>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownedClient = ownedClient;
        _api = new TwilioMessagesApi(options, httpClient);
        _pipeline = BuildPipeline();
    }

    private bool UsesService => !string.IsNullOrWhiteSpace(_options.MessagingServiceSid);

    public async Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.SendId);

        var state = new SendState(message, _timeProvider.GetUtcNow());
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        AttemptResult last;
        try
        {
            last = await _pipeline.ExecuteAsync(
                static (ctx, self) => self.AttemptAsync(ctx.Properties.GetValue(StateKey, null!), ctx.CancellationToken),
                context,
                this).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            var code = ex is HttpRequestException or ApiConnectionException ? "connection" : "timeout";
            last = AttemptResult.Retry(code, $"No answer from Twilio: {ex.GetType().Name}.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (last.Retryable && state.Unresolved)
        {
            last = await LastLookupAsync(state, last, cancellationToken).ConfigureAwait(false);
        }

        if (last.Retryable)
        {
            Logs.SendGaveUp(_logger, message.SendId, state.Attempts, last.Result.ErrorCode);
        }

        return last.Result;
    }

    public void Dispose() => _ownedClient?.Dispose();

    private static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        // The SDK wraps transport failures in ApiConnectionException; TwilioMessagesApi unwraps those with a cause.
        HttpRequestException or TimeoutRejectedException or ApiConnectionException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private ResiliencePipeline<AttemptResult> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _timeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex ? IsTransient(ex, args.Context.CancellationToken) : args.Outcome.Result!.Retryable),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after ? (TimeSpan?)(after < _options.MaxRetryDelay ? after : _options.MaxRetryDelay) : null),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    var outcome = args.Outcome.Exception?.GetType().Name ?? args.Outcome.Result?.Result.ErrorCode ?? "?";
                    Logs.RetryingSend(_logger, state.Message.SendId, args.AttemptNumber + 1, outcome, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.Timeout);
        return builder.Build();
    }

    private async ValueTask<AttemptResult> AttemptAsync(SendState state, CancellationToken cancellationToken)
    {
        state.Attempts++;
        if (state.Unresolved)
        {
            var (failure, found) = await LookupAsync(state, cancellationToken).ConfigureAwait(false);
            if (failure is not null || found is not null)
            {
                return failure ?? found!;
            }

            state.Unresolved = false;
        }

        // From here the request may reach Twilio; only an answer, or a connection that never opened, settles it.
        state.Unresolved = true;
        CreateOutcome outcome;
        try
        {
            outcome = await _api.CreateAsync(CreateOptions(state.Message), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            state.Unresolved = false;
            throw;
        }

        var answer = TwilioAnswer.Read(outcome, RetryAfter(outcome.RetryAfter));
        state.Unresolved = answer.MayHaveCreated;
        Log(state, answer, outcome.HttpStatus);
        return answer.Attempt;
    }

    private CreateMessageOptions CreateOptions(SmsMessage message)
    {
        var create = new CreateMessageOptions(new PhoneNumber(message.To)) { Body = message.Body };
        if (UsesService)
        {
            create.MessagingServiceSid = _options.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(_options.FromNumber);
        }

        if (_options.PublicBaseUrl is not null)
        {
            create.StatusCallback = new Uri(TwilioWebhookPaths.StatusCallbackUrl(_options.PublicBaseUrl, message.SendId));
        }

        return create;
    }

    private TimeSpan? RetryAfter(TwilioCallContext.RetryConditionValue? retryAfter) => retryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > _timeProvider.GetUtcNow() ? date - _timeProvider.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private void Log(SendState state, TwilioAnswer answer, int httpStatus)
    {
        var result = answer.Attempt.Result;
        if (result.Status == SendStatus.Sent)
        {
            if (result.ProviderMessageId is null)
            {
                Logs.SentWithoutSid(_logger, state.Message.SendId, httpStatus);
            }

            Logs.SmsSent(_logger, state.Message.SendId, result.ProviderMessageId, state.Attempts);
        }
        else if (!answer.Attempt.Retryable)
        {
            Logs.SendNotAccepted(_logger, state.Message.SendId, result.Status.ToString(), httpStatus, answer.TwilioCode);
        }
    }

    /// <summary>A retryable result when the lookup failed; else the earlier attempt's message as Sent, or neither.</summary>
    private async Task<(AttemptResult? Failure, AttemptResult? Found)> LookupAsync(SendState state, CancellationToken cancellationToken)
    {
        var (messages, httpStatus) = await _api.ListRecentAsync(
            state.Message.To, UsesService ? null : _options.FromNumber, cancellationToken).ConfigureAwait(false);
        if (messages is null)
        {
            return (AttemptResult.Retry($"lookup-http-{httpStatus}", $"Looking up an earlier attempt failed with HTTP {httpStatus}."), null);
        }

        // date_created has one-second resolution and Twilio's clock is not ours.
        var since = state.StartedAt - _options.RecoveryClockSkew;
        var found = messages.FirstOrDefault(m =>
            !string.IsNullOrEmpty(m.Sid)
            && string.Equals(m.Body, state.Message.Body, StringComparison.Ordinal)
            && m.DateCreated >= since
            && (!UsesService || string.Equals(m.MessagingServiceSid, _options.MessagingServiceSid, StringComparison.Ordinal)));
        if (found is null)
        {
            return (null, null);
        }

        Logs.SendRecovered(_logger, state.Message.SendId, found.Sid);
        return (null, AttemptResult.Final(SendResult.Sent(found.Sid)));
    }

    private async Task<AttemptResult> LastLookupAsync(SendState state, AttemptResult last, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var (failure, found) = await LookupAsync(state, timeout.Token).ConfigureAwait(false);
            if (failure is not null)
            {
                Logs.RecoveryLookupFailed(_logger, state.Message.SendId, failure.Result.ErrorCode ?? "?");
            }

            return found ?? last;
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            Logs.RecoveryLookupFailed(_logger, state.Message.SendId, ex.GetType().Name);
            return last;
        }
    }
}
