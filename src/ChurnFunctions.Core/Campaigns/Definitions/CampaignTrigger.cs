using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// What starts an instance. The decider does not evaluate triggers: the scheduler that finds customers matching one
/// sends <see cref="Start"/>. The "type" property names the kind in JSON.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SegmentEnteredTrigger), "segmentEntered")]
[JsonDerivedType(typeof(AliveProbabilityBelowTrigger), "aliveProbabilityBelow")]
[JsonDerivedType(typeof(PurchaseOverdueTrigger), "purchaseOverdue")]
[JsonDerivedType(typeof(PartialChurnTrigger), "partialChurn")]
[JsonDerivedType(typeof(CategoryAbandonmentTrigger), "categoryAbandonment")]
[JsonDerivedType(typeof(DaysAfterPurchaseTrigger), "daysAfterPurchase")]
[JsonDerivedType(typeof(BirthdayTrigger), "birthday")]
[JsonDerivedType(typeof(FixedDateTrigger), "fixedDate")]
[JsonDerivedType(typeof(ChurnReasonTrigger), "churnReason")]
public abstract record CampaignTrigger;
