using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// Replays a campaign on the holdout once the models are fitted on the calibration period. Campaign definitions and
/// their trigger rules live in Core, which references Analytics and not the other way, so the caller supplies it.
/// </summary>
/// <param name="history">The whole file's daily purchase history.</param>
/// <param name="calibration">The calibration summary the models were fitted on.</param>
/// <param name="models">The fitted models, in the order of the report.</param>
public delegate CampaignBacktest CampaignReplay(PurchaseHistory history, CustomerSummary calibration, IReadOnlyList<IPurchaseModel> models);
