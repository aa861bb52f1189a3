namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// The Twilio SDK always calls https://api.twilio.com (its region and edge settings only pick other twilio.com
/// hosts). When <see cref="TwilioOptions.BaseUrl"/> names another root (the fake server in tests, a recording proxy),
/// this rewrites the scheme, host and port of requests for api.twilio.com to it, keeping path and query.
/// </summary>
internal sealed class TwilioHostRewriteHandler(Uri baseUrl) : DelegatingHandler
{
    public const string TwilioApiHost = "api.twilio.com";

    /// <summary>True when requests must be sent somewhere other than Twilio's own API host.</summary>
    public static bool IsNeeded(Uri baseUrl) =>
        !(baseUrl.Scheme == Uri.UriSchemeHttps && baseUrl.IsDefaultPort
          && string.Equals(baseUrl.Host, TwilioApiHost, StringComparison.OrdinalIgnoreCase));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && string.Equals(uri.Host, TwilioApiHost, StringComparison.OrdinalIgnoreCase))
        {
            var prefix = baseUrl.AbsolutePath.TrimEnd('/');
            request.RequestUri = new UriBuilder(uri)
            {
                Scheme = baseUrl.Scheme,
                Host = baseUrl.Host,
                Port = baseUrl.Port,
                Path = prefix + uri.AbsolutePath,
            }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
