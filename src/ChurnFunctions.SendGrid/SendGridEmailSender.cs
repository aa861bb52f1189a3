using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.SendGrid.Sending;
using ChurnFunctions.SendGrid.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ChurnFunctions.SendGrid;

/// <summary>
/// Sends email through SendGrid's v3 Mail Send REST endpoint. Retries 429 (honouring Retry-After up to
/// <see cref="SendGridOptions.MaxRetryAfter"/>), 5xx and failures to connect up to <see cref="SendGridOptions.MaxRetries"/>
/// times, then reports <see cref="SendStatus.Transient"/>; other 4xx are <see cref="SendStatus.Rejected"/> (or
/// <see cref="SendStatus.InvalidRecipient"/>) at once.
/// </summary>
/// <remarks>
/// SendGrid has no idempotency key: a retry after SendGrid accepted a request whose answer was lost sends the message
/// twice. So a timeout, or a connection lost after the request was written, is not retried here: it is reported as
/// <see cref="SendStatus.Transient"/> with <see cref="SendResult.MaybeSent"/>, for the caller to reconcile by the
/// send_id custom arg on the Event Webhook before sending again.
/// </remarks>
public sealed class SendGridEmailSender : IEmailSender
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="ServiceCollectionExtensions.AddSendGrid"/>.</summary>
    public const string HttpClientName = "SendGrid";

    private static readonly ResiliencePropertyKey<string> SendIdKey = new("SendGrid.SendId");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SendGridOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SendGridEmailSender> _logger;
    private readonly Uri _mailSendUri;
    private readonly ResiliencePipeline<SendAttempt> _pipeline;

    public SendGridEmailSender(
        IHttpClientFactory httpClientFactory,
        IOptions<SendGridOptions> options,
        TimeProvider timeProvider,
        ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!_options.IsConfigured || string.IsNullOrWhiteSpace(_options.FromEmail))
        {
            throw new InvalidOperationException($"SendGrid needs {SendGridOptions.SectionName}:ApiKey and {SendGridOptions.SectionName}:FromEmail.");
        }

        var root = _options.BaseUrl.AbsoluteUri;
        _mailSendUri = new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), "v3/mail/send");
        _pipeline = BuildPipeline();
    }

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Guard(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            MailSendRequestFactory.Create(message, _options), SendGridJsonContext.Default.MailSendRequest);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SendIdKey, message.SendId);
        var state = new AttemptState(this, body);
        SendAttempt attempt;
        try
        {
            attempt = await _pipeline.ExecuteAsync(
                static (ctx, state) =>
                {
                    state.Attempts++;
                    return state.Sender.AttemptAsync(state.Body, ctx.CancellationToken);
                },
                context,
                state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return ToResult(message.SendId, attempt, state.Attempts);
    }

    private SendResult ToResult(string sendId, SendAttempt attempt, int attempts)
    {
        switch (attempt.Outcome)
        {
            case AttemptOutcome.Accepted:
                Logs.Accepted(_logger, sendId, attempt.ProviderMessageId);
                return SendResult.Sent(attempt.ProviderMessageId);
            case AttemptOutcome.Rejected:
                var status = attempt.InvalidRecipient ? SendStatus.InvalidRecipient : SendStatus.Rejected;
                Logs.Rejected(_logger, sendId, status.ToString(), attempt.ErrorCode, attempt.Detail);
                return new SendResult(status, null, attempt.ErrorCode, attempt.Detail);
            case AttemptOutcome.TimedOut or AttemptOutcome.AnswerLost:
                Logs.AnswerLost(_logger, sendId, attempt.Outcome.ToString(), attempt.ErrorCode);
                return new SendResult(SendStatus.Transient, null, attempt.ErrorCode, attempt.Detail, MaybeSent: true);
            default:
                Logs.GaveUp(_logger, sendId, attempt.Outcome.ToString(), attempt.ErrorCode, attempts);
                return new SendResult(SendStatus.Transient, null, attempt.ErrorCode, attempt.Detail);
        }
    }

    private async ValueTask<SendAttempt> AttemptAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _mailSendUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            return await ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new SendAttempt(AttemptOutcome.TimedOut, "timeout", Detail: $"No response within {_options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested && NeverSent(ex.HttpRequestError))
        {
            return new SendAttempt(AttemptOutcome.ConnectionFailed, "connection", Detail: $"Connection failed ({ex.HttpRequestError})");
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendAttempt(AttemptOutcome.AnswerLost, "connection", Detail: $"Connection lost before the answer ({ex.HttpRequestError})");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendAttempt(AttemptOutcome.AnswerLost, "connection", Detail: "Connection lost while reading the response");
        }
    }

    /// <summary>Errors raised before a connection existed, so before any byte of the request left.</summary>
    private static bool NeverSent(HttpRequestError error) => error is HttpRequestError.NameResolutionError
        or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private async Task<SendAttempt> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            return new SendAttempt(AttemptOutcome.Accepted, ProviderMessageId: messageId);
        }

        var errors = SendGridErrorReader.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var detail = SendGridErrorReader.Describe(code, errors);
        var errorCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SendAttempt(AttemptOutcome.TooManyRequests, errorCode, RetryAfter: RetryAfter(response), Detail: detail);
        }

        if (code >= 500)
        {
            return new SendAttempt(AttemptOutcome.ServerError, errorCode, Detail: detail);
        }

        var invalidRecipient = response.StatusCode == HttpStatusCode.BadRequest && SendGridErrorReader.NamesInvalidRecipient(errors);
        return new SendAttempt(AttemptOutcome.Rejected, errorCode, Detail: detail, InvalidRecipient: invalidRecipient);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - _timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private ResiliencePipeline<SendAttempt> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<SendAttempt> { TimeProvider = _timeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SendAttempt>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { IsTransient: true } attempt && !(attempt.RetryAfter > _options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var attempt = args.Outcome.Result!;
                    Logs.Retrying(_logger, args.Context.Properties.GetValue(SendIdKey, "?"), attempt.Outcome.ToString(),
                        attempt.ErrorCode, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private static void Guard(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.SendId, nameof(message));
        if (string.IsNullOrWhiteSpace(message.To))
        {
            throw new ArgumentException("The message has no recipient.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.TemplateId) && (message.Subject is null || message.TextBody is null))
        {
            throw new ArgumentException("The message needs a TemplateId, or a Subject and a TextBody.", nameof(message));
        }
    }

    private sealed class AttemptState(SendGridEmailSender sender, byte[] body)
    {
        public SendGridEmailSender Sender { get; } = sender;

        public byte[] Body { get; } = body;

        public int Attempts { get; set; }
    }
}
