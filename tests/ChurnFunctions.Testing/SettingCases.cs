namespace ChurnFunctions.Testing;

/// <summary>
/// Settings both hosts must refuse at start, each with the name the refusal must give; and the blanks a deployed
/// template leaves (optional parameters deploy as ""), which must count as unset. Both hosts register the same
/// AddChurnFunctions, so both test projects run these.
/// </summary>
public static class SettingCases
{
    /// <summary>"Key=value;Key=value" (configuration keys, ':' separated) and the setting the failure must name.</summary>
    public static IReadOnlyList<(string Settings, string Named)> Bad { get; } =
    [
        ("Webhooks:MaxBodyBytes=10", "Webhooks:MaxBodyBytes (Webhooks__MaxBodyBytes)"),
        ("Webhooks:Square:NotificationUrl=/api/webhooks/square", "Webhooks:Square:NotificationUrl (Webhooks__Square__NotificationUrl)"),
        ("Webhooks:DefaultCountryCode=+44", "Webhooks:DefaultCountryCode (Webhooks__DefaultCountryCode)"),
        ("Webhooks:DefaultRegion=UK", "Webhooks:DefaultRegion (Webhooks__DefaultRegion)"),
        ("Api:Keys=;Api:Keys:0=short-pos-key", "Api:Keys (Api__Keys)"),
        ("Api:ReadKeys=reader-key-0123456789,short", "Api:ReadKeys (Api__ReadKeys)"),
        ("Api:AdminKeys:0=admin", "Api:AdminKeys (Api__AdminKeys)"),
        ("Ingest:MaxInlineBytes=1000000", "Ingest:MaxInlineBytes (Ingest__MaxInlineBytes)"),
        ("Ingest:EnqueueTimeout=3 seconds", "Ingest:EnqueueTimeout"),
        ("Analytics:PurchaseModel=nbd", "Analytics:PurchaseModel (Analytics__PurchaseModel)"),
        ("Analytics:ReportingTimeZone=Mars/Olympus_Mons", "Analytics:ReportingTimeZone (Analytics__ReportingTimeZone)"),
        ("Analytics:Churn:AliveThreshold=3", "Analytics:Churn:AliveThreshold (Analytics__Churn__AliveThreshold)"),
        ("Analytics:ValueTiers:HighShare=0.8", "Analytics:ValueTiers:HighShare"),
        ("Alerts:ChurnRateThreshold=2", "Alerts:ChurnRateThreshold (Alerts__ChurnRateThreshold)"),
        ("Alerts:WebhookUrl=teams-channel", "Alerts:WebhookUrl (Alerts__WebhookUrl)"),
        ("Alerts:StaffEmail=staff", "Alerts:StaffEmail (Alerts__StaffEmail)"),
        ("Alerts:StaffPhone=555-0100", "Alerts:StaffPhone (Alerts__StaffPhone)"),
        ("Campaigns:DefaultTimeZone=Nowhere/City", "Campaigns:DefaultTimeZone (Campaigns__DefaultTimeZone)"),
        ("Campaigns:Runtime:UncertainSendWindow=00:00:00", "Campaigns:Runtime:UncertainSendWindow (Campaigns__Runtime__UncertainSendWindow)"),
        ("SendGrid:BaseUrl=api.sendgrid.com", "SendGrid:BaseUrl"),
        ("SendGrid:ApiKey=SG.key;SendGrid:FromEmail=", "SendGrid:FromEmail"),
        ("Twilio:PublicBaseUrl=churn.example.com", "Twilio:PublicBaseUrl (Twilio__PublicBaseUrl)"),
        ("Twilio:AccountSid=AC123;Twilio:AuthToken=token;Twilio:MessagingServiceSid=MG123;Twilio:Timeout=00:00:00.001", "Twilio:Timeout (Twilio__Timeout)"),
        ("Feedback:SigningKey=short", "Feedback:SigningKey (Feedback__SigningKey)"),
        ("ScoreSchedule=every night", "ScoreSchedule"),
        ("EnrollSchedule=0 0 3 * *", "EnrollSchedule"),
        ("ScoreSchedule=-00:05:00", "ScoreSchedule"),
    ];

    /// <summary>Every optional setting infra/main.bicep deploys from a string parameter, as it deploys one left empty.</summary>
    public static IReadOnlyDictionary<string, string?> DeployedBlanks { get; } = new Dictionary<string, string?>
    {
        ["Webhooks:Shopify:Secret"] = "",
        ["Webhooks:WooCommerce:Secret"] = "",
        ["Webhooks:Square:SignatureKey"] = "",
        ["Webhooks:Square:NotificationUrl"] = "",
        ["Webhooks:DefaultCountryCode"] = "",
        ["Webhooks:DefaultRegion"] = "",
        ["Api:Keys"] = "",
        ["Api:ReadKeys"] = "",
        ["Api:AdminKeys"] = "",
        ["Alerts:StaffEmail"] = "",
        ["Alerts:StaffPhone"] = "",
        ["Alerts:WebhookUrl"] = "",
        ["Alerts:LinkBaseUrl"] = "",
        ["SendGrid:ApiKey"] = "",
        ["SendGrid:FromEmail"] = "",
        ["SendGrid:EventWebhookPublicKey"] = "",
        ["Twilio:AccountSid"] = "",
        ["Twilio:AuthToken"] = "",
        ["Twilio:MessagingServiceSid"] = "",
        ["Twilio:PublicBaseUrl"] = "",
        ["Feedback:SigningKey"] = "",
    };

    /// <summary>"Key=value;Key=value" as settings; a value may itself hold '='-free text with spaces.</summary>
    public static Dictionary<string, string?> Parse(string settings) =>
        settings.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);

    /// <summary>The exception's message and its inner exceptions', as a host stopping on it would log them.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Describe)),
        { InnerException: { } inner } => $"{exception.Message} | {Describe(inner)}",
        _ => exception.Message,
    };
}
