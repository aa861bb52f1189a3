namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// Sits in the Twilio HttpClient under the SDK: cancels the request with the caller's token, and records the status
/// and Retry-After of the answer in the current <see cref="TwilioCallContext"/> before the SDK reads the body.
/// </summary>
internal sealed class TwilioCallContextHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = TwilioCallContext.Current;
        if (context is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        var response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        context.StatusCode = response.StatusCode;
        context.RetryAfter = response.Headers.RetryAfter is { } retryAfter
            ? new TwilioCallContext.RetryConditionValue(retryAfter.Delta, retryAfter.Date)
            : null;
        return response;
    }
}
