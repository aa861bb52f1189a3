namespace ChurnFunctions.Analytics.Business;

/// <summary>A regularly bought category the customer has stopped buying.</summary>
/// <param name="PurchaseDaysInBaseline">Distinct days with a purchase in the category inside the baseline window.</param>
/// <param name="MeanGapDays">(last - first purchase day in the window) / (days - 1).</param>
/// <param name="SilenceDays">As-of day - last purchase day in the category.</param>
/// <param name="ThresholdDays">max(GapMultiple x MeanGapDays, MinimumSilenceDays): silence must be at least this.</param>
/// <param name="StillBuyingOtherCategories">True when the customer bought anything after the last purchase in this category: a category loss, not a whole-customer churn.</param>
public sealed record CategoryAbandonment(
    int Category,
    int PurchaseDaysInBaseline,
    double MeanGapDays,
    int LastPurchaseDay,
    int SilenceDays,
    double ThresholdDays,
    bool StillBuyingOtherCategories);
