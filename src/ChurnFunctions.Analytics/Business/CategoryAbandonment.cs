namespace ChurnFunctions.Analytics.Business;

/// <summary>A regularly bought category the customer has stopped buying.</summary>
/// <param name="PurchaseDaysInBaseline">Distinct days with a purchase in the category inside the baseline window.</param>
/// <param name="MeanGapDays">(last - first purchase day in the window) / (days - 1).</param>
/// <param name="SilenceDays">As-of day - last purchase day in the category.</param>
/// <param name="ThresholdDays">max(GapMultiple x MeanGapDays, MinimumSilenceDays): silence must be at least this.</param>
/// <param name="StillBuyingOtherCategories">True when the customer bought anything after the last purchase in this category.</param>
/// <param name="CustomerSilenceDays">As-of day - the customer's last purchase day in any category.</param>
public sealed record CategoryAbandonment(
    int Category,
    int PurchaseDaysInBaseline,
    double MeanGapDays,
    int LastPurchaseDay,
    int SilenceDays,
    double ThresholdDays,
    bool StillBuyingOtherCategories,
    int CustomerSilenceDays)
{
    /// <summary>
    /// A lost category, not a lost customer: the customer bought something else after the category went quiet and
    /// has not itself been silent for the category's threshold. A customer silent in every category has churned.
    /// </summary>
    public bool IsCategoryLoss => StillBuyingOtherCategories && CustomerSilenceDays < ThresholdDays;
}
