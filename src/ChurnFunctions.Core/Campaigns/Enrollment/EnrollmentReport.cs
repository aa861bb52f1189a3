namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// An enrollment run on demand (<c>churn enroll</c>, POST /api/campaigns/enroll): the day, the campaigns evaluated,
/// customers read, and the entries, those started or, with <see cref="DryRun"/>, those a real run would start.
/// </summary>
public sealed record EnrollmentReport(DateOnly Day, bool DryRun, int Campaigns, int Customers, IReadOnlyList<EnrollmentEntry> Entries);
