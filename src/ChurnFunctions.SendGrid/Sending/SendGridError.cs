namespace ChurnFunctions.SendGrid.Sending;

/// <summary>One entry of SendGrid's error body {"errors":[{"message","field","help"}]}.</summary>
internal sealed record SendGridError(string? Message, string? Field, string? Help);
