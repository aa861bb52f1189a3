namespace ChurnFunctions.Core.Campaigns;

public enum StepOutcome
{
    Sent,
    Skipped,
    CouponIssued,
    TaskCreated,
    Waited,
    BranchThen,
    BranchElse,
}
