namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// One customer entering (or, in a dry run, who would enter) one campaign: the run key of a recurring campaign, the
/// rule that matched in words with the customer's figures, and whether the customer falls in the holdout (enters,
/// and is measured, but gets no message and no task).
/// </summary>
public sealed record EnrollmentEntry(string CampaignId, string CustomerId, string? RunKey, string Reason, bool Holdout);
