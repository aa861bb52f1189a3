namespace ChurnFunctions.Core.Messaging;

/// <summary>
/// One email to send. <see cref="SendId"/> is ours and unique per (instance, step) or per alert: providers carry it
/// back (SendGrid custom_args) so a retry or a recovery can tell whether it was sent already.
/// Either a provider template (<see cref="TemplateId"/> with <see cref="TemplateData"/>) or a subject and text body.
/// </summary>
public sealed record EmailMessage(
    string SendId,
    string To,
    string? Subject,
    string? TextBody,
    string? TemplateId = null,
    IReadOnlyDictionary<string, string>? TemplateData = null,
    IReadOnlyList<string>? Categories = null,
    int? UnsubscribeGroupId = null);
