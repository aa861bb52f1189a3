namespace ChurnFunctions.Core.Domain;

public enum MessageChannel
{
    Email,
    Sms,
}
