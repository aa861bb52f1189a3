namespace ChurnFunctions.Core.ModelHealth;

/// <summary>
/// The model in use, fitted on purchases up to <see cref="CalibrationEnd"/> and checked on the holdout weeks up to
/// <see cref="ObservationEnd"/> (the latest run's day): the tracking plot and calibration by purchase frequency.
/// <see cref="Model"/> is null when no model could be fitted on the calibration period, with <see cref="ModelUnavailableReason"/>.
/// </summary>
public sealed record ModelHealthReport(
    DateOnly CalibrationEnd,
    DateOnly ObservationEnd,
    string? Model,
    string? ModelUnavailableReason,
    int Customers,
    IReadOnlyList<TrackingWeek> Tracking,
    IReadOnlyList<FrequencyCalibration> Calibration);
