using ChurnFunctions.Twilio.Sending;

namespace ChurnFunctions.Twilio;

/// <summary>The HttpClient pipeline under the Twilio SDK, the same for AddTwilio's named client and a hand-made sender.</summary>
internal static class TwilioHttp
{
    /// <summary>The primary handler: pooled connections that are renewed (DNS changes), no cookies, no redirects.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    /// <summary>The handlers above the primary one: the call context, then the host rewrite when BaseUrl is not Twilio's.</summary>
    public static IEnumerable<DelegatingHandler> CreateDelegatingHandlers(TwilioOptions options)
    {
        yield return new TwilioCallContextHandler();
        if (TwilioHostRewriteHandler.IsNeeded(options.BaseUrl))
        {
            yield return new TwilioHostRewriteHandler(options.BaseUrl);
        }
    }

    /// <summary>A client that owns its handlers; the per-attempt timeout is the sender's, so the client has none.</summary>
    public static HttpClient CreateClient(TwilioOptions options, HttpMessageHandler? primary)
    {
        ArgumentNullException.ThrowIfNull(options);
        HttpMessageHandler handler = primary ?? CreatePrimaryHandler();
        foreach (var delegating in CreateDelegatingHandlers(options).Reverse())
        {
            delegating.InnerHandler = handler;
            handler = delegating;
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
