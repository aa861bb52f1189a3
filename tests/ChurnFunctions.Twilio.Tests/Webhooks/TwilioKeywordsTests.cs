using ChurnFunctions.Twilio.Webhooks;

namespace ChurnFunctions.Twilio.Tests.Webhooks;

public sealed class TwilioKeywordsTests
{
    [Theory]
    [InlineData("STOP", TwilioKeyword.OptOut)]
    [InlineData("stop", TwilioKeyword.OptOut)]
    [InlineData("  Stop \n", TwilioKeyword.OptOut)]
    [InlineData("STOPALL", TwilioKeyword.OptOut)]
    [InlineData("UNSUBSCRIBE", TwilioKeyword.OptOut)]
    [InlineData("cancel", TwilioKeyword.OptOut)]
    [InlineData("End", TwilioKeyword.OptOut)]
    [InlineData("QUIT", TwilioKeyword.OptOut)]
    [InlineData("revoke", TwilioKeyword.OptOut)]
    [InlineData("OPTOUT", TwilioKeyword.OptOut)]
    [InlineData("START", TwilioKeyword.OptIn)]
    [InlineData("unstop", TwilioKeyword.OptIn)]
    [InlineData(" Yes ", TwilioKeyword.OptIn)]
    [InlineData("HELP", TwilioKeyword.None)]
    [InlineData("INFO", TwilioKeyword.None)]
    [InlineData("please stop", TwilioKeyword.None)]
    [InlineData("STOP ALL", TwilioKeyword.None)]
    [InlineData("STOP.", TwilioKeyword.None)]
    [InlineData("stopp", TwilioKeyword.None)]
    [InlineData("Yes please", TwilioKeyword.None)]
    [InlineData("", TwilioKeyword.None)]
    [InlineData("   ", TwilioKeyword.None)]
    [InlineData(null, TwilioKeyword.None)]
    public void Classify_counts_only_a_whole_message_keyword(string? body, TwilioKeyword expected)
    {
        Assert.Equal(expected, TwilioKeywords.Classify(body));
    }
}
