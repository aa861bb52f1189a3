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
    IReadOnlyDictionary<string, string>? TemplateData = null)
{
    /// <summary>
    /// "alert" for a staff alert digest, whichever channel carried it; "campaign" for a message to a customer. Read
    /// from the send id (alert sends are "alert:..."), so entries recorded before the kind existed have one too.
    /// </summary>
    public string Kind => SendId.StartsWith(OutboxKinds.Alert + ":", StringComparison.Ordinal) ? OutboxKinds.Alert : OutboxKinds.Campaign;
}
