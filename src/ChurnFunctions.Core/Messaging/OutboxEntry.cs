namespace ChurnFunctions.Core.Messaging;

/// <summary>A message recorded instead of sent: what would have gone out, to whom, through which channel.</summary>
public sealed record OutboxEntry(
    string SendId,
    string Channel,
    string To,
    string? Subject,
    string? Body,
    DateTimeOffset RecordedAt,
    string? TemplateId = null,
    IReadOnlyDictionary<string, string>? TemplateData = null);
