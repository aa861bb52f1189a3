using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>What happened to an instance; the decider's input besides "now". Serialisable with <see cref="CampaignJson.Options"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Start), "start")]
[JsonDerivedType(typeof(WakeUp), "wakeUp")]
[JsonDerivedType(typeof(PurchaseObserved), "purchaseObserved")]
[JsonDerivedType(typeof(EmailEvent), "emailEvent")]
[JsonDerivedType(typeof(SmsReplied), "smsReplied")]
[JsonDerivedType(typeof(ConsentChanged), "consentChanged")]
[JsonDerivedType(typeof(SendCompleted), "sendCompleted")]
public abstract record CampaignInput;
