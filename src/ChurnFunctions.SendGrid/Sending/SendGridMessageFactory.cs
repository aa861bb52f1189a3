using ChurnFunctions.Core.Messaging;
using SendGrid.Helpers.Mail;

namespace ChurnFunctions.SendGrid.Sending;

/// <summary>
/// Maps an <see cref="EmailMessage"/> to the SDK's <see cref="SendGridMessage"/>: one personalization whose custom arg
/// send_id carries our send id (it comes back on every Event Webhook event of the message), then either a dynamic
/// template with its data or a subject with a plain-text body.
/// </summary>
internal static class SendGridMessageFactory
{
    public const string SendIdArg = "send_id";

    public static SendGridMessage Create(EmailMessage message, SendGridOptions options)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(options.FromEmail!, string.IsNullOrWhiteSpace(options.FromName) ? null : options.FromName),
        };
        mail.AddTo(new EmailAddress(message.To));
        if (!string.IsNullOrWhiteSpace(message.TemplateId))
        {
            mail.SetTemplateId(message.TemplateId);
            if (message.TemplateData is { } data)
            {
                mail.SetTemplateData(data);
            }
        }
        else
        {
            mail.Subject = message.Subject;
            mail.AddContent("text/plain", message.TextBody);
        }

        mail.AddCustomArg(SendIdArg, message.SendId);
        if (message.Categories is { Count: > 0 } categories)
        {
            mail.AddCategories([.. categories]);
        }

        if (message.UnsubscribeGroupId is { } groupId)
        {
            mail.SetAsm(groupId);
        }

        return mail;
    }
}
