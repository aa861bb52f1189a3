namespace ChurnFunctions.Core.ModelHealth;

/// <summary>Customers with <see cref="Frequency"/> repeat purchase days in calibration ("7+" for seven or more): mean expected and actual holdout purchases.</summary>
public sealed record FrequencyCalibration(string Frequency, int Customers, double ExpectedMean, double ActualMean);
