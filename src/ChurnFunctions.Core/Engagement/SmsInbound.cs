namespace ChurnFunctions.Core.Engagement;

/// <summary>An SMS a customer sent us. <see cref="From"/> and <see cref="Body"/> are personal data: never log them.</summary>
public sealed record SmsInbound(string MessageSid, string From, string Body, SmsKeyword Keyword);
