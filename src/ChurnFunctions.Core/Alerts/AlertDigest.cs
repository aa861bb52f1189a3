namespace ChurnFunctions.Core.Alerts;

/// <summary>
/// One staff message for the alerts one rule raised in one run: a title, a body listing the first items and the
/// count of the rest, and where the full list is. <see cref="Conditions"/> are the alerts it covers.
/// </summary>
public sealed record AlertDigest(
    DateOnly Date,
    string Rule,
    string Severity,
    string Title,
    string Body,
    string ListLink,
    IReadOnlyList<string> Conditions);
