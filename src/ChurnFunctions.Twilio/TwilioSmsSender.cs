using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Twilio.Sending;
using ChurnFunctions.Twilio.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChurnFunctions.Twilio;

/// <summary>
/// Sends SMS through Twilio's Messages API: POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json with Basic
/// auth and the form fields To, MessagingServiceSid or From, Body and StatusCallback (carrying our send id).
/// 201 is Sent; 21610 OptedOut; 21211, 21614 and 21635 InvalidRecipient; 429/20429, 5xx, 408, timeouts and dropped
/// connections are retried with exponential backoff and jitter, then Transient; any other 4xx is Rejected at once.
/// </summary>
/// <remarks>
/// The Messages API has no idempotency key. When an attempt's outcome is unknown (timeout, connection lost after the
/// request went out, 5xx), the next attempt first lists the recipient's recent messages and, if one with the same
/// body (and sender) was created since this send began, returns it instead of creating another. A transformed body
/// (e.g. a Messaging Service's smart encoding) defeats the match and the send falls back to at-least-once.
/// </remarks>
public sealed class TwilioSmsSender : ISmsSender, IDisposable
{
    private static readonly ResiliencePropertyKey<SendState> StateKey = new("twilio-send");
    private readonly TwilioOptions _options;
    private readonly HttpClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<AttemptResult> _pipeline;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Uri _messagesUri;

    public TwilioSmsSender(
        TwilioOptions options, ILogger<TwilioSmsSender>? logger = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Twilio is not configured: AccountSid, AuthToken and MessagingServiceSid or FromNumber are required.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<TwilioSmsSender>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _client = new HttpClient(handler ?? CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
        _messagesUri = new Uri(
            $"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(options.AccountSid!)}/Messages.json");
        _pipeline = BuildPipeline();
    }

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
            last = AttemptResult.Retry(ErrorCodeOf(ex), $"No answer from Twilio: {ex.GetType().Name}.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (last.Retryable && state.Unresolved)
        {
            last = await FinalLookupAsync(state, last, cancellationToken).ConfigureAwait(false);
        }

        if (last.Retryable)
        {
            Logs.SendGaveUp(_logger, message.SendId, state.Attempts, last.Result.ErrorCode);
        }

        return last.Result;
    }

    public void Dispose() => _client.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    private static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private static string ErrorCodeOf(Exception exception) => exception switch
    {
        TimeoutRejectedException or OperationCanceledException => "timeout",
        _ => "connection",
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
                    args.Outcome.Result?.RetryAfter is { } retryAfter ? (TimeSpan?)Min(retryAfter, _options.MaxRetryDelay) : null),
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

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async ValueTask<AttemptResult> AttemptAsync(SendState state, CancellationToken cancellationToken)
    {
        state.Attempts++;
        if (state.Unresolved)
        {
            var (lookup, found) = await LookupAsync(state, cancellationToken).ConfigureAwait(false);
            if (lookup is not null)
            {
                return lookup;
            }

            if (found is not null)
            {
                Logs.SendRecovered(_logger, state.Message.SendId, found.Sid);
                return AttemptResult.Final(SendResult.Sent(found.Sid));
            }

            state.Unresolved = false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _messagesUri) { Content = new FormUrlEncodedContent(FormFields(state.Message)) };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // From here the request may reach Twilio; only an answer (or a connection that never opened) settles it.
        state.Unresolved = true;
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            state.Unresolved = false;
            throw;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Classify(state, response, body);
        }
    }

    private List<KeyValuePair<string, string>> FormFields(SmsMessage message)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", message.To) };
        fields.Add(string.IsNullOrWhiteSpace(_options.MessagingServiceSid)
            ? new("From", _options.FromNumber!)
            : new("MessagingServiceSid", _options.MessagingServiceSid));
        fields.Add(new("Body", message.Body));
        if (_options.PublicBaseUrl is not null)
        {
            fields.Add(new("StatusCallback", TwilioWebhookPaths.StatusCallbackUrl(_options.PublicBaseUrl, message.SendId)));
        }

        return fields;
    }

    private AttemptResult Classify(SendState state, HttpResponseMessage response, string body)
    {
        var httpStatus = (int)response.StatusCode;
        var sendId = state.Message.SendId;
        if (response.IsSuccessStatusCode)
        {
            state.Unresolved = false;
            var sid = TwilioMessageResource.ParseOne(body)?.Sid;
            if (string.IsNullOrEmpty(sid))
            {
                Logs.SentWithoutSid(_logger, sendId, httpStatus);
            }

            Logs.SmsSent(_logger, sendId, sid, state.Attempts);
            return AttemptResult.Final(SendResult.Sent(sid));
        }

        var error = TwilioApiError.Parse(body);
        var errorCode = error.Code?.ToString(CultureInfo.InvariantCulture) ?? $"http-{httpStatus}";
        var detail = error.Code is null
            ? $"Twilio answered HTTP {httpStatus}."
            : $"Twilio answered HTTP {httpStatus} with error {error.Code} ({error.MoreInfo ?? "no more_info"}).";

        var rateLimited = response.StatusCode == HttpStatusCode.TooManyRequests || error.Code == TwilioErrorCodes.TooManyRequests;
        if (rateLimited || httpStatus >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            // Twilio never processes a request it answers 429; a 5xx or 408 may have created the message.
            state.Unresolved = !rateLimited;
            return AttemptResult.Retry(errorCode, detail, rateLimited ? RetryAfter(response) : null);
        }

        state.Unresolved = false;
        var status = error.Code switch
        {
            TwilioErrorCodes.UnsubscribedRecipient => SendStatus.OptedOut,
            TwilioErrorCodes.InvalidToNumber or TwilioErrorCodes.NotMobileNumber or TwilioErrorCodes.LandlineNumber => SendStatus.InvalidRecipient,
            _ => SendStatus.Rejected,
        };
        Logs.SendNotAccepted(_logger, sendId, status.ToString(), httpStatus, error.Code);
        return AttemptResult.Final(new SendResult(status, ErrorCode: errorCode, Detail: detail));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? Max(date - _timeProvider.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Lists the recipient's recent messages. Returns a retryable result when the lookup itself failed, else the
    /// message an earlier attempt created (or null when there is none).
    /// </summary>
    private async Task<(AttemptResult? Failure, TwilioMessageResource? Found)> LookupAsync(SendState state, CancellationToken cancellationToken)
    {
        var query = $"?To={Uri.EscapeDataString(state.Message.To)}&PageSize=50";
        var useService = !string.IsNullOrWhiteSpace(_options.MessagingServiceSid);
        if (!useService)
        {
            query += $"&From={Uri.EscapeDataString(_options.FromNumber!)}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_messagesUri.AbsoluteUri + query));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var messages = response.IsSuccessStatusCode ? TwilioMessageResource.ParsePage(body) : null;
        if (messages is null)
        {
            var httpStatus = (int)response.StatusCode;
            return (AttemptResult.Retry($"lookup-http-{httpStatus}", $"Looking up an earlier attempt failed with HTTP {httpStatus}."), null);
        }

        // date_created has one-second resolution and Twilio's clock is not ours.
        var since = state.StartedAt - _options.RecoveryClockSkew;
        var found = messages.FirstOrDefault(m =>
            !string.IsNullOrEmpty(m.Sid)
            && string.Equals(m.Body, state.Message.Body, StringComparison.Ordinal)
            && m.DateCreated is { } created && created >= since
            && (!useService || string.Equals(m.MessagingServiceSid, _options.MessagingServiceSid, StringComparison.Ordinal)));
        return (null, found);
    }

    private async Task<AttemptResult> FinalLookupAsync(SendState state, AttemptResult last, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var (failure, found) = await LookupAsync(state, timeout.Token).ConfigureAwait(false);
            if (found is not null)
            {
                Logs.SendRecovered(_logger, state.Message.SendId, found.Sid);
                return AttemptResult.Final(SendResult.Sent(found.Sid));
            }

            if (failure is not null)
            {
                Logs.RecoveryLookupFailed(_logger, state.Message.SendId, failure.Result.ErrorCode ?? "?");
            }
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            Logs.RecoveryLookupFailed(_logger, state.Message.SendId, ex.GetType().Name);
        }

        return last;
    }
}
