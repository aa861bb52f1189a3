using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>One step. <see cref="Id"/> is unique in the campaign, branches included; "type" names the kind in JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SendEmailStep), "sendEmail")]
[JsonDerivedType(typeof(SendSmsStep), "sendSms")]
[JsonDerivedType(typeof(WaitStep), "wait")]
[JsonDerivedType(typeof(BranchStep), "branch")]
[JsonDerivedType(typeof(IssueCouponStep), "issueCoupon")]
[JsonDerivedType(typeof(CreateStaffTaskStep), "createStaffTask")]
public abstract record CampaignStep
{
    /// <summary>Letters, digits, '-' and '_', at most 64.</summary>
    public required string Id { get; init; }
}
