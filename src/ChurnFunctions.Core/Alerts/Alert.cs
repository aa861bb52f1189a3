namespace ChurnFunctions.Core.Alerts;

/// <summary>
/// Something staff should look at. (<see cref="Date"/>, <see cref="Condition"/>) is unique: the same condition on the
/// same day raises one alert however often the job runs. An alert about one customer names it by
/// <see cref="CustomerId"/> and carries the figures staff sort by; staff are told of a run's alerts in one digest per
/// <see cref="Rule"/>, and every alert stays listed one by one (GET /api/alerts).
/// </summary>
public sealed record Alert(
    DateOnly Date,
    string Condition,
    string Severity,
    string Title,
    string Detail,
    DateTimeOffset RaisedAt,
    string? CustomerId = null,
    double? Clv = null,
    double? ProbabilityAlive = null)
{
    /// <summary>The rule that raised it: the condition up to its first ':' ("top-customer-slipping:{id}" -> "top-customer-slipping").</summary>
    public string Rule => Condition.Split(':', 2)[0];
}
