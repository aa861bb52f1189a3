using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Engagement;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class SurveyLinkPlaceholderTests
{
    private const string Key = "feedback-signing-key-for-tests-0123456789";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Sms_and_email_render_a_signed_survey_link_that_verifies_to_the_customer()
    {
        var (surveys, links) = Links();
        var customer = Customer() with { SurveyLink = surveys.For(CustomerId) };
        var email = Email() with { TemplateData = new Dictionary<string, string> { ["survey"] = "{{surveyLink}}" } };
        var sms = Sms(text: "Tell us why: {{surveyLink}}");
        var rig = new Campaigns.DeciderRig(Definition(email, sms), customer);

        var actions = rig.StartAndSend(Monday);

        var emailLink = actions.OfType<SendEmail>().Single().Message.TemplateData!["survey"];
        var smsText = actions.OfType<SendSms>().Single().Message.Body;
        Assert.StartsWith("https://churn.example.com/api/feedback?token=", emailLink, StringComparison.Ordinal);
        Assert.Equal("Tell us why: " + emailLink, smsText);
        var check = links.Verify(SurveyLinks.TokenOf(emailLink));
        Assert.Equal(FeedbackTokenStatus.Valid, check.Status);
        Assert.Equal(CustomerId, check.CustomerId);
    }

    [Fact]
    public void A_tampered_survey_link_fails_its_signature()
    {
        var (surveys, links) = Links();
        var token = SurveyLinks.TokenOf(surveys.For("c1")!)!;
        var other = SurveyLinks.TokenOf(surveys.For("c2")!)!;

        // Another customer's payload under this signature, and one character of the signature changed.
        Assert.Equal(FeedbackTokenStatus.BadSignature, links.Verify(other.Split('.')[0] + "." + token.Split('.')[1]).Status);
        Assert.Equal(FeedbackTokenStatus.BadSignature, links.Verify(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]).Status);
    }

    [Fact]
    public void Without_a_base_url_or_key_the_placeholder_renders_its_fallback()
    {
        var noBase = new SurveyLinks(FeedbackLinksTests.Links(), Microsoft.Extensions.Options.Options.Create(new FeedbackOptions { SigningKey = Key }));
        var noKey = new SurveyLinks(FeedbackLinksTests.Links(null), Microsoft.Extensions.Options.Options.Create(new FeedbackOptions { LinkBaseUrl = "https://churn.example.com/api" }));
        Assert.Null(noBase.For("c1"));
        Assert.Null(noKey.For("c1"));

        var rig = new Campaigns.DeciderRig(Definition(Sms(text: "Why? {{surveyLink|reply to this text}}")), Customer());
        var sms = rig.StartAndSend(Monday).OfType<SendSms>().Single();

        Assert.Equal("Why? reply to this text", sms.Message.Body);
    }

    [Fact]
    public void The_validator_accepts_the_survey_link_placeholder() =>
        Assert.Null(CampaignDefinitionValidator.Validate(Definition(Sms(text: "{{surveyLink}}"))));

    private static (SurveyLinks Surveys, FeedbackLinks Links) Links()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new FeedbackOptions { SigningKey = Key, LinkBaseUrl = "https://churn.example.com/api/" });
        var links = new FeedbackLinks(options, new EngagementRig.FixedClock(Now));
        return (new SurveyLinks(links, options), links);
    }
}
