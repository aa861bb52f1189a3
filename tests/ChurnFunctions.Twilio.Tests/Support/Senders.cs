using ChurnFunctions.Fakes.Twilio;

namespace ChurnFunctions.Twilio.Tests.Support;

/// <summary>
/// Options for tests: millisecond backoff, so no test sleeps, and an attempt timeout a loaded machine does not reach
/// by accident (a timed-out attempt is looked up and created again, which the tests would count); a test of the
/// timeout sets a short one for the hanging attempts alone.
/// </summary>
internal static class Senders
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string ServiceSid = "MG0123456789abcdef0123456789abcdef";

    public static TwilioOptions Options(Uri baseUrl, int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        AccountSid = AccountSid,
        AuthToken = AuthToken,
        MessagingServiceSid = ServiceSid,
        PublicBaseUrl = new Uri("https://churn.example.com"),
        BaseUrl = baseUrl,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    };

    public static TwilioOptions For(FakeTwilioServer server, int maxRetries = 3, TimeSpan? timeout = null)
    {
        var options = Options(server.BaseUrl, maxRetries, timeout);
        options.AccountSid = server.AccountSid;
        options.AuthToken = server.AuthToken;
        return options;
    }
}
