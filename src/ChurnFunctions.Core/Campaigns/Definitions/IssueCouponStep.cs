namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Issues a single-use coupon code, <see cref="Prefix"/> followed by <see cref="Length"/> characters derived from the
/// instance id and step id (<see cref="CouponCodes"/>). Later steps use it as {{couponCode}}.
/// </summary>
public sealed record IssueCouponStep : CampaignStep
{
    /// <summary>Upper-case letters, digits and '-', at most 12.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Characters after the prefix, 8 to 24.</summary>
    public int Length { get; init; } = 10;

    /// <summary>How long the code is valid; null: no expiry.</summary>
    public TimeSpan? ValidFor { get; init; }
}
