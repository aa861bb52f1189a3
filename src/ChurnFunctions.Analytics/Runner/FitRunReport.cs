using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChurnFunctions.Analytics.Runner;

/// <summary>Everything a fit run produced, with JSON and plain-text renderings for the CLI.</summary>
public sealed record FitRunReport(
    string TransactionsPath,
    string Format,
    DateOnly CalibrationEnd,
    DateOnly ObservationEnd,
    int Customers,
    int PurchaseDays,
    double HoldoutWeeks,
    int ActualHoldoutPurchases,
    double ReadMilliseconds,
    IReadOnlyList<ModelFitReport> Models,
    string? DefaultModel,
    IReadOnlyList<string> Notes)
{
    public string ToJson() => JsonSerializer.Serialize(this, FitReportJsonContext.Default.FitRunReport);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{TransactionsPath} ({Format}): {Customers:N0} customers, {PurchaseDays:N0} purchase days, read in {ReadMilliseconds:F0} ms");
        text.AppendLine(c, $"calibration to {CalibrationEnd:yyyy-MM-dd}, holdout to {ObservationEnd:yyyy-MM-dd} ({HoldoutWeeks:F2} weeks), actual holdout purchases {ActualHoldoutPurchases:N0}");
        foreach (var m in Models)
        {
            var parameters = string.Join(", ", m.Parameters.Select(p => string.Create(c, $"{p.Key} = {p.Value:G6}")));
            text.AppendLine(c, $"{m.Model,-7} {parameters}");
            text.AppendLine(c, $"        log-likelihood {m.LogLikelihood:F2} over {m.CustomersFitted:N0}; {m.Iterations} iterations, converged {m.Converged}, |grad| {m.GradientNorm:0.0E+0}, {m.ElapsedMilliseconds:F0} ms");
            if (m.Holdout is { } h)
                text.AppendLine(c, $"        holdout expected {h.ExpectedPurchases:N1} vs actual {h.ActualPurchases:N0} ({h.RelativeError:P1}), per-customer MAE {h.MeanAbsoluteError:F4}");
        }

        if (DefaultModel is not null) text.AppendLine(c, $"default model (lowest holdout MAE): {DefaultModel}");
        foreach (var note in Notes) text.AppendLine(c, $"note: {note}");
        return text.ToString();
    }
}
