using System.Net;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.SendGrid.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ChurnFunctions.SendGrid;

/// <summary>
/// Sends email through the SendGrid package's <see cref="SendGridClient"/> (v3 Mail Send) over the "SendGrid"
/// <see cref="HttpClient"/> of <see cref="IHttpClientFactory"/>, its Host set from <see cref="SendGridOptions.BaseUrl"/>.
/// The SDK sends one request and hands back the answer; what it lacks is kept here on top of it. Retries 429 (honouring Retry-After up to
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
    private readonly string _host;
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

        // The SDK joins Host + "/v3/..." itself, so a trailing slash would double it.
        _host = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
        _pipeline = BuildPipeline();
    }

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Guard(message);
        var mail = SendGridMessageFactory.Create(message, _options);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SendIdKey, message.SendId);
        var state = new AttemptState(this, mail);
        SendAttempt attempt;
        try
        {
            attempt = await _pipeline.ExecuteAsync(
                static (ctx, state) =>
                {
                    state.Attempts++;
                    return state.Sender.AttemptAsync(state.Mail, ctx.CancellationToken);
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

    private async ValueTask<SendAttempt> AttemptAsync(SendGridMessage mail, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // The SDK's own retries (ReliabilitySettings) apply only to the HttpClient it builds itself; over ours it
            // makes one request, and this class decides what is safe to repeat.
            var client = new SendGridClient(
                _httpClientFactory.CreateClient(HttpClientName),
                new SendGridClientOptions { ApiKey = _options.ApiKey, Host = _host, HttpErrorAsException = false });
            var response = await client.SendEmailAsync(mail, linked.Token).ConfigureAwait(false);
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

    private async Task<SendAttempt> ReadAsync(Response response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var messageId = response.Headers is { } headers && headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            return new SendAttempt(AttemptOutcome.Accepted, ProviderMessageId: messageId);
        }

        var errors = SendGridErrorReader.Read(response.Body is { } content
            ? await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)
            : []);
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

    private TimeSpan? RetryAfter(Response response) => response.Headers?.RetryAfter switch
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

    private sealed class AttemptState(SendGridEmailSender sender, SendGridMessage mail)
    {
        public SendGridEmailSender Sender { get; } = sender;

        public SendGridMessage Mail { get; } = mail;

        public int Attempts { get; set; }
    }
}
