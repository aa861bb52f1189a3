using System.Globalization;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;

namespace ChurnFunctions.Fakes;

/// <summary>The settings that point the SendGrid and Twilio adapters at the fakes, with short retry delays.</summary>
public static class FakeProviderSettings
{
    /// <summary>
    /// An attempt timeout for tests whose faults never need one: a loaded machine does not reach it by accident. A
    /// call timed out after the provider accepted it is uncertain and may be sent again, which would show up in the
    /// tests' exactly-once counts as a duplicate that has nothing to do with what they test.
    /// </summary>
    public static readonly TimeSpan UnhurriedAttemptTimeout = TimeSpan.FromSeconds(30);

    public static Dictionary<string, string?> For(FakeSendGridServer sendGrid, FakeTwilioServer twilio, TimeSpan attemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(sendGrid);
        ArgumentNullException.ThrowIfNull(twilio);
        var timeout = attemptTimeout.ToString("c", CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = sendGrid.ApiKey,
            ["SendGrid:FromEmail"] = "shop@example.com",
            ["SendGrid:BaseUrl"] = sendGrid.BaseUrl.ToString(),
            ["SendGrid:Timeout"] = timeout,
            ["SendGrid:MaxRetries"] = "5",
            ["SendGrid:RetryBaseDelay"] = "00:00:00.020",
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15550000000",
            ["Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:PublicBaseUrl"] = "http://127.0.0.1/",
            ["Twilio:Timeout"] = timeout,
            ["Twilio:MaxRetries"] = "5",
            ["Twilio:RetryBaseDelay"] = "00:00:00.020",
            ["Twilio:MaxRetryDelay"] = "00:00:00.200",
        };
    }
}
