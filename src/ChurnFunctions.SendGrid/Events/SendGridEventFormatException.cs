namespace ChurnFunctions.SendGrid.Events;

/// <summary>The Event Webhook body is not SendGrid's JSON array of events. The message never quotes the body.</summary>
public sealed class SendGridEventFormatException : FormatException
{
    public SendGridEventFormatException()
    {
    }

    public SendGridEventFormatException(string message)
        : base(message)
    {
    }

    public SendGridEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
