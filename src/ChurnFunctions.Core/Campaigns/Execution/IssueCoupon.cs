namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Register <see cref="Code"/> as a single-use coupon in the shop. The code is derived, not drawn: the issuer must
/// reject (and report) a code the shop already knows for another customer.
/// </summary>
public sealed record IssueCoupon(string StepId, string Code, DateTimeOffset? ExpiresAt) : CampaignAction;
