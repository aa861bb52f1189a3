namespace ChurnFunctions.Core.Scoring;

/// <summary>How far a scoring run is: its phase and, where the phase counts customers, how many of how many (0: not known yet).</summary>
public sealed record ScoringProgress(string Phase, int Done, int Total)
{
    public const string Reading = "reading customers";
    public const string Modelling = "fitting and scoring";
    public const string Categories = "reading category history";
    public const string Writing = "writing scores";
    public const string Alerting = "raising alerts";
}
