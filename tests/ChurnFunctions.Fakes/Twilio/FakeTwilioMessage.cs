namespace ChurnFunctions.Fakes.Twilio;

/// <summary>A message the fake accepted; <see cref="SendId"/> is the sendId query parameter of its StatusCallback.</summary>
public sealed record FakeTwilioMessage(
    string Sid,
    string? SendId,
    string To,
    string? From,
    string? MessagingServiceSid,
    string Body,
    string? StatusCallback,
    DateTimeOffset DateCreated);
