namespace ChurnFunctions.Core.Customers;

/// <summary>
/// One campaign message to the customer, from the send ledger: which campaign and step, the channel ("email",
/// "sms"), the ledger's status ("sent", "pending", "uncertain", "failed"), when the entry last changed and the
/// provider's answer. <see cref="Via"/> is "outbox" when no provider was configured and the message was recorded
/// instead: then <see cref="To"/>, <see cref="Subject"/>, <see cref="Body"/> and <see cref="TemplateId"/> are what
/// would have gone out. With a provider they are null: the provider holds the message, the ledger its id.
/// <see cref="Delivery"/> is the latest status Twilio reported for an SMS ("delivered", "undelivered", ...), when any.
/// </summary>
public sealed record CustomerMessage(
    string SendId,
    string CampaignId,
    string? CampaignName,
    string StepId,
    string Channel,
    string Status,
    int Attempt,
    DateTimeOffset? At,
    string Via,
    string? ProviderMessageId,
    string? ErrorCode,
    string? Detail,
    string? To = null,
    string? Subject = null,
    string? Body = null,
    string? TemplateId = null,
    string? Delivery = null);
