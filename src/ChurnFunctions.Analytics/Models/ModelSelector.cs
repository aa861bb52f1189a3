using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// Picks the default purchase model by holdout accuracy: the lowest mean absolute error of per-customer
/// holdout predictions. Per-customer error, not the aggregate, because scoring acts on individual customers
/// and an aggregate can be right by cancelling errors. Candidates within 0.1% of the best MAE count as tied and
/// the earlier one wins, so list the simpler or preferred model first (BG/NBD before Pareto/NBD).
/// </summary>
public static class ModelSelector
{
    public const double TieTolerance = 1e-3;

    public static ModelSelection Choose(CustomerSummary summary, IReadOnlyList<IPurchaseModel> candidates)
    {
        if (candidates.Count == 0) throw new ArgumentException("No candidate models.", nameof(candidates));
        var results = new Dictionary<string, HoldoutComparison>();
        IPurchaseModel? best = null;
        var bestError = double.PositiveInfinity;
        foreach (var model in candidates)
        {
            var comparison = HoldoutEvaluator.Evaluate(model, summary);
            results[model.Name] = comparison;
            if (comparison.MeanAbsoluteError < bestError * (1 - TieTolerance))
            {
                best = model;
                bestError = comparison.MeanAbsoluteError;
            }
        }

        return new ModelSelection(best!, results);
    }
}
