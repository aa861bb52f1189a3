namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>Where Twilio calls us back, relative to <see cref="TwilioOptions.PublicBaseUrl"/>.</summary>
public static class TwilioWebhookPaths
{
    /// <summary>Message status callbacks; the sender sets this as each message's StatusCallback.</summary>
    public const string Status = "/api/webhooks/twilio/status";

    /// <summary>Incoming messages (configured on the number or Messaging Service in the Twilio console).</summary>
    public const string Inbound = "/api/webhooks/twilio/inbound";

    /// <summary>The query parameter of a status callback URL that carries our <c>SmsMessage.SendId</c>.</summary>
    public const string SendIdParameter = "sendId";

    /// <summary>The header Twilio signs every webhook request with.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>The status callback URL for one send: {publicBaseUrl}/api/webhooks/twilio/status?sendId={sendId}.</summary>
    public static string StatusCallbackUrl(Uri publicBaseUrl, string sendId)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentException.ThrowIfNullOrEmpty(sendId);
        return $"{FullUrl(publicBaseUrl, Status)}?{SendIdParameter}={Uri.EscapeDataString(sendId)}";
    }

    /// <summary>
    /// The URL Twilio called, for signature checks behind proxies: the public base, the request path and the raw
    /// query string exactly as received (e.g. <c>Request.QueryString.Value</c>, with its leading '?').
    /// </summary>
    public static string FullUrl(Uri publicBaseUrl, string path, string? rawQuery = null)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(path);
        var baseUrl = publicBaseUrl.AbsoluteUri.TrimEnd('/');
        var relative = path.StartsWith('/') ? path : "/" + path;
        return baseUrl + relative + (rawQuery ?? string.Empty);
    }
}
