using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Tests.Cdnow;

/// <summary>Reads CDNOW once and fits each model once for all tests that check the published-style figures.</summary>
public sealed class CdnowFixture
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    public static readonly DateOnly ObservationEnd = new(1998, 6, 30);

    private readonly Lazy<BgNbdModel> _bgNbd;
    private readonly Lazy<ParetoNbdModel> _pareto;
    private readonly Lazy<GammaGammaModel> _gammaGamma;
    private readonly Lazy<ModifiedBgNbdModel> _modified;

    public CdnowFixture()
    {
        History = CdnowReader.Read(CdnowFile.Path);
        Summary = CustomerSummaryBuilder.FromHistory(History, CalibrationEnd, ObservationEnd);
        _bgNbd = new(() => BgNbdFitter.Fit(Summary));
        _pareto = new(() => ParetoNbdFitter.Fit(Summary));
        _gammaGamma = new(() => GammaGammaFitter.Fit(Summary));
        _modified = new(() => ModifiedBgNbdFitter.Fit(Summary));
    }

    public PurchaseHistory History { get; }

    public CustomerSummary Summary { get; }

    public BgNbdModel BgNbd => _bgNbd.Value;

    public ParetoNbdModel Pareto => _pareto.Value;

    public GammaGammaModel GammaGamma => _gammaGamma.Value;

    public ModifiedBgNbdModel Modified => _modified.Value;
}
