using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// What the host must do, in list order. Each is idempotent by its key (send id, coupon code, task id, wake-up time):
/// the host persists the new state and the actions together, then carries the actions out, and may repeat them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SendEmail), "sendEmail")]
[JsonDerivedType(typeof(SendSms), "sendSms")]
[JsonDerivedType(typeof(ScheduleWakeUp), "scheduleWakeUp")]
[JsonDerivedType(typeof(IssueCoupon), "issueCoupon")]
[JsonDerivedType(typeof(CreateStaffTask), "createStaffTask")]
[JsonDerivedType(typeof(Complete), "complete")]
[JsonDerivedType(typeof(RecordSkip), "recordSkip")]
public abstract record CampaignAction;
