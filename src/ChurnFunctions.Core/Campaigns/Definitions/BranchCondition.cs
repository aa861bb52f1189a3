namespace ChurnFunctions.Core.Campaigns;

public enum BranchCondition
{
    /// <summary>A purchase; only meaningful with <see cref="ExitConditions.OnPurchase"/> off.</summary>
    Purchase,

    /// <summary>A click on any email of this instance.</summary>
    EmailClick,

    /// <summary>An SMS reply that is not an opt-out.</summary>
    SmsReply,
}
