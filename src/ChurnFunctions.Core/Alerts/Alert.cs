namespace ChurnFunctions.Core.Alerts;

/// <summary>
/// Something staff should look at. (<see cref="Date"/>, <see cref="Condition"/>) is unique: the same condition on the
/// same day raises one alert however often the job runs.
/// </summary>
public sealed record Alert(DateOnly Date, string Condition, string Severity, string Title, string Detail, DateTimeOffset RaisedAt);
