using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Runner;

/// <summary>
/// The CLI's "fit" command minus the host: read a transaction file, build the calibration/holdout summary,
/// fit the requested models, compare each purchase model with the holdout and pick the default model.
/// </summary>
public sealed class FitRunner(OptimizerOptions? options = null)
{
    public FitRunReport Run(string transactionsPath, string format, DateOnly calibrationEnd, DateOnly observationEnd, string models) =>
        Run(transactionsPath, TransactionFileReader.ParseFormat(format), calibrationEnd, observationEnd, ModelSetParser.Parse(models));

    public FitRunReport Run(string transactionsPath, TransactionFileFormat format, DateOnly calibrationEnd, DateOnly observationEnd, ModelSet models)
    {
        if (observationEnd < calibrationEnd) throw new ArgumentException("Observation end precedes calibration end.", nameof(observationEnd));
        var read = Stopwatch.StartNew();
        var history = TransactionFileReader.Read(transactionsPath, format);
        var readMs = read.Elapsed.TotalMilliseconds;
        var summary = CustomerSummaryBuilder.FromHistory(history, calibrationEnd, observationEnd);
        if (summary.Count == 0) throw new InvalidOperationException($"No customer purchased on or before {calibrationEnd:yyyy-MM-dd}.");

        var notes = new List<string>();
        var reports = new List<ModelFitReport>();
        var purchaseModels = new List<IPurchaseModel>();
        var groups = FrequencyGroups.From(summary);
        if (models.HasFlag(ModelSet.BgNbd)) purchaseModels.Add(BgNbdFitter.Fit(groups, options));
        if (models.HasFlag(ModelSet.ModifiedBgNbd)) purchaseModels.Add(ModifiedBgNbdFitter.Fit(groups, options));
        if (models.HasFlag(ModelSet.ParetoNbd)) purchaseModels.Add(ParetoNbdFitter.Fit(groups, options));

        ModelSelection? selection = purchaseModels.Count > 0 ? ModelSelector.Choose(summary, purchaseModels) : null;
        foreach (var model in purchaseModels)
            reports.Add(Report(model.Name, model.Parameters, model.LogLikelihood, summary.Count, model.Diagnostics!, selection!.Candidates[model.Name]));

        if (models.HasFlag(ModelSet.GammaGamma))
        {
            if (!summary.HasMonetary) notes.Add("Spend model (gg) skipped: the file has no amount column.");
            else
            {
                try
                {
                    var gg = GammaGammaFitter.Fit(summary, options);
                    reports.Add(Report(gg.Name, gg.Parameters, gg.LogLikelihood, gg.CustomersFitted, gg.Diagnostics!, null));
                }
                catch (ArgumentException e)
                {
                    // No repeat buyer with positive spend: report it rather than failing the purchase models.
                    notes.Add($"Spend model (gg) skipped: {e.Message}");
                }
            }
        }

        foreach (var report in reports)
            if (!report.Converged) notes.Add($"{report.Model} did not converge (|grad| {report.GradientNorm:0.0E+0} after {report.Iterations} iterations).");

        return new FitRunReport(transactionsPath, format.ToString().ToLowerInvariant(), calibrationEnd, observationEnd, summary.Count,
            history.PurchaseDayCount, summary.HoldoutLength, summary.HoldoutPurchases!.Sum(), readMs, reports, selection?.Chosen.Name, notes);
    }

    private static ModelFitReport Report(string name, IReadOnlyDictionary<string, double> parameters, double logLikelihood, int customers, FitDiagnostics d, HoldoutComparison? holdout) =>
        new(name, parameters, logLikelihood, customers, d.Iterations, d.Converged, d.GradientNorm, d.Elapsed.TotalMilliseconds, holdout);
}
