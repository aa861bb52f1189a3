using System.Net;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// What the Twilio SDK does not pass through, carried around it for one call: the caller's cancellation (the SDK's
/// async methods take no token) and what the HTTP answer said before the SDK turned it into a resource or an
/// exception (the status code, whatever the body; Retry-After). <see cref="TwilioCallContextHandler"/> reads and fills
/// it; it flows with the async call, so concurrent sends each see their own.
/// </summary>
internal sealed class TwilioCallContext(CancellationToken cancellationToken)
{
    private static readonly AsyncLocal<TwilioCallContext?> Ambient = new();

    public static TwilioCallContext? Current => Ambient.Value;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public HttpStatusCode? StatusCode { get; set; }

    public RetryConditionValue? RetryAfter { get; set; }

    /// <summary>Makes a context current for the rest of the calling async flow (and only it).</summary>
    public static TwilioCallContext Begin(CancellationToken cancellationToken)
    {
        var context = new TwilioCallContext(cancellationToken);
        Ambient.Value = context;
        return context;
    }

    /// <summary>Retry-After as sent: a delay, or a date to compare with our clock.</summary>
    internal readonly record struct RetryConditionValue(TimeSpan? Delta, DateTimeOffset? Date);
}
