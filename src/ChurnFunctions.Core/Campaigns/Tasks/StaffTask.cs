namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>
/// "Call this customer": made by a campaign's createStaffTask step, once per (instance, step) (<see cref="Id"/> is the
/// step's id in the instance, <see cref="CampaignInstanceId.ForStep"/>). <see cref="Text"/> is the step's rendered text,
/// <see cref="Reason"/> the campaign's rule in words. Contact details are not kept here but read from the customer
/// when the list is shown, so they are current and an erasure has one place less to reach.
/// </summary>
public sealed record StaffTask
{
    public required string Id { get; init; }

    public required string CampaignId { get; init; }

    public required string CampaignName { get; init; }

    public required string InstanceId { get; init; }

    public required string StepId { get; init; }

    public required string CustomerId { get; init; }

    public required string Text { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public StaffTaskStatus Status { get; init; } = StaffTaskStatus.Open;

    /// <summary>The latest outcome recorded; null until the first call.</summary>
    public StaffTaskOutcome? Outcome { get; init; }

    public DateTimeOffset? OutcomeAt { get; init; }

    /// <summary>Calls recorded (every outcome counts one).</summary>
    public int Attempts { get; init; }

    /// <summary>Staff's own note with the latest outcome.</summary>
    public string? Note { get; init; }
}
