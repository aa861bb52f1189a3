namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>
/// A message the fake accepted. <see cref="SendId"/> is the custom arg send_id of the first personalization;
/// <see cref="TemplateData"/> holds dynamic_template_data (strings as-is, other values as raw JSON);
/// <see cref="Body"/> is the raw request body for golden comparisons.
/// </summary>
public sealed record FakeSendGridMessage(
    string MessageId,
    string? SendId,
    IReadOnlyList<string> To,
    string From,
    string? TemplateId,
    string? Subject,
    IReadOnlyDictionary<string, string> TemplateData,
    IReadOnlyList<string> Categories,
    int? UnsubscribeGroupId,
    string Authorization,
    string Body,
    DateTimeOffset ReceivedAt);
