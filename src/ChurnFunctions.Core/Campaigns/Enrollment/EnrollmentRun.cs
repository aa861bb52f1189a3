namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>One enrollment run: the day, the campaigns evaluated, customers read, and instances newly started.</summary>
public sealed record EnrollmentRun(DateOnly Day, int Campaigns, int Customers, int Started);
