using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.SendGrid.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Api.Http.Engagement;

/// <summary>
/// POST /api/webhooks/sendgrid: the signed Event Webhook. Unsigned, badly signed or unconfigured (no public key) is 401
/// before anything is read into the pipeline; a storage failure is 503 so SendGrid retries the batch.
/// </summary>
public sealed partial class SendGridWebhookEndpoint(SendGridEventVerifier verifier, EmailActivityHandler handler, ILogger<SendGridWebhookEndpoint> logger)
{
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (!verifier.Verify(request.Headers[SendGridEventVerifier.SignatureHeader], request.Headers[SendGridEventVerifier.TimestampHeader], body.Value.Span))
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", "The Event Webhook signature is missing or not valid.");
        }

        IReadOnlyList<SendGridEvent> events;
        try
        {
            events = SendGridEventParser.Parse(body.Value.Span);
        }
        catch (SendGridEventFormatException ex)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = [ex.Message] });
        }

        try
        {
            var result = await handler.HandleAsync([.. events.Select(ToActivity)], cancellationToken);
            return TypedResults.Ok(new { received = result.Received, duplicates = result.Duplicates });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
            return Problems.Unavailable("Storage is unavailable; retry later.");
        }
    }

    public static EmailActivity ToActivity(SendGridEvent e) =>
        new(e.EventId, "sendgrid:" + e.Type, KindOf(e), e.Email, e.At, e.SendId, e.Suppresses);

    private static EmailEventKind? KindOf(SendGridEvent e) => e.Type switch
    {
        SendGridEventTypes.Delivered => EmailEventKind.Delivered,
        SendGridEventTypes.Open => EmailEventKind.Opened,
        SendGridEventTypes.Click => EmailEventKind.Clicked,
        SendGridEventTypes.Bounce when e.Suppresses => EmailEventKind.BouncedHard,
        SendGridEventTypes.SpamReport => EmailEventKind.SpamReport,
        SendGridEventTypes.Unsubscribe => EmailEventKind.Unsubscribed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid events could not be processed; answering 503 so SendGrid retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
