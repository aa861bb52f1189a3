using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.SendGrid.Wire;

/// <summary>Maps an <see cref="EmailMessage"/> to the v3 Mail Send body; our send id travels as custom arg send_id.</summary>
internal static class MailSendRequestFactory
{
    public const string SendIdArg = "send_id";

    public static MailSendRequest Create(EmailMessage message, SendGridOptions options)
    {
        var usesTemplate = !string.IsNullOrWhiteSpace(message.TemplateId);
        var personalization = new MailPersonalization(
            [new MailAddress(message.To)],
            usesTemplate ? message.TemplateData : null,
            new Dictionary<string, string> { [SendIdArg] = message.SendId });

        return new MailSendRequest(
            [personalization],
            new MailAddress(options.FromEmail!, string.IsNullOrWhiteSpace(options.FromName) ? null : options.FromName),
            usesTemplate ? message.TemplateId : null,
            usesTemplate ? null : message.Subject,
            usesTemplate ? null : [new MailContent("text/plain", message.TextBody!)],
            message.Categories is { Count: > 0 } categories ? categories : null,
            message.UnsubscribeGroupId is { } groupId ? new MailAsm(groupId) : null);
    }
}
