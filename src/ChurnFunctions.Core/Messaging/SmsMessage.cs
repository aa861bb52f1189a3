namespace ChurnFunctions.Core.Messaging;

/// <summary>One SMS to send; <see cref="To"/> is E.164. <see cref="SendId"/> as for <see cref="EmailMessage"/>.</summary>
public sealed record SmsMessage(string SendId, string To, string Body);
