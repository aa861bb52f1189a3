namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The next purchase is overdue by at least <see cref="Days"/> days on the customer's own cadence (see
/// <see cref="Enrollment.TriggerEvaluator.NextPurchaseDue"/>).
/// </summary>
public sealed record PurchaseOverdueTrigger(int Days) : CampaignTrigger;
