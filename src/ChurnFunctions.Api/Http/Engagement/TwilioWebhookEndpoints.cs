using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Twilio;
using ChurnFunctions.Twilio.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api.Http.Engagement;

/// <summary>
/// POST /api/webhooks/twilio/status and /inbound: X-Twilio-Signature over Twilio:PublicBaseUrl + path + query and the
/// form, keyed with Twilio:AuthToken. Without both settings every request is 401 (fail closed).
/// </summary>
public sealed partial class TwilioWebhookEndpoints(IOptions<TwilioOptions> options, SmsActivityHandler handler, ILogger<TwilioWebhookEndpoints> logger)
{
    private const string EmptyTwiml = "<Response/>";

    public async Task<IResult> StatusAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, denied) = await ReadSignedFormAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!TwilioStatusCallback.TryParse(fields!, request.Query[TwilioWebhookPaths.SendIdParameter], out var callback))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["MessageStatus"] = ["MessageSid and MessageStatus are required."] });
        }

        var update = new SmsStatusUpdate(callback.MessageSid, callback.SendId, callback.RawStatus, callback.IsFinal, callback.ErrorCode, callback.To);
        return await RunAsync(() => handler.HandleStatusAsync(update, cancellationToken), TypedResults.Ok(), cancellationToken);
    }

    public async Task<IResult> InboundAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, denied) = await ReadSignedFormAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!TwilioInboundMessage.TryParse(fields!, out var message))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["From"] = ["From and MessageSid are required."] });
        }

        var keyword = message.Keyword switch
        {
            TwilioKeyword.OptOut => SmsKeyword.OptOut,
            TwilioKeyword.OptIn => SmsKeyword.OptIn,
            _ => SmsKeyword.None,
        };
        var inbound = new SmsInbound(message.MessageSid, message.From, message.Body, keyword);
        return await RunAsync(() => handler.HandleInboundAsync(inbound, cancellationToken), TypedResults.Content(EmptyTwiml, "text/xml"), cancellationToken);
    }

    private async Task<(IReadOnlyDictionary<string, string>? Fields, IResult? Denied)> ReadSignedFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "Twilio posts application/x-www-form-urlencoded."));
        }

        var fields = TwilioWebhookForm.ToFields(await request.ReadFormAsync(cancellationToken));
        if (fields is null)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["A form field is repeated."] }));
        }

        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AuthToken) || settings.PublicBaseUrl is null)
        {
            return (null, Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", "Twilio webhooks are not configured here."));
        }

        var url = TwilioWebhookPaths.FullUrl(settings.PublicBaseUrl, request.PathBase + request.Path, request.QueryString.Value);
        return TwilioSignatureValidator.IsValid(settings.AuthToken, url, fields, request.Headers[TwilioWebhookPaths.SignatureHeader])
            ? (fields, null)
            : (null, Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", "The X-Twilio-Signature is missing or not valid."));
    }

    private async Task<IResult> RunAsync(Func<Task> handle, IResult success, CancellationToken cancellationToken)
    {
        try
        {
            await handle();
            return success;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
            return Problems.Unavailable("Storage is unavailable; retry later.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Twilio webhook could not be processed; answering 503 so Twilio retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
