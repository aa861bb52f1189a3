using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>
/// The staff call list: tasks from campaign steps (<see cref="StaffTaskActionLog"/>, so both campaign hosts make
/// them the same way), listed with the customer's current contact details, and the outcomes staff record. Holdout
/// instances run no steps, so the campaign's holdout gets no task and the report can measure what calls add.
/// </summary>
public sealed partial class StaffTaskService(
    IStaffTaskStore store,
    ICampaignDefinitionStore definitions,
    ICustomerStore customers,
    TimeProvider time,
    ILogger<StaffTaskService> logger)
{
    public const int MaxNoteLength = 1000;

    /// <summary>Makes the task of a createStaffTask action, once; none for a customer on the do-not-call list.</summary>
    /// <returns>True when a new task was stored.</returns>
    public async Task<bool> CreateAsync(string instanceId, string customerId, CreateStaffTask action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        // The decider skips the step for a do-not-call customer; this covers one marked between its decision and now.
        if (await store.IsDoNotCallAsync(customerId, cancellationToken))
        {
            LogDoNotCall(logger, action.TaskId);
            return false;
        }

        var campaignId = CampaignInstanceId.CampaignOf(instanceId);
        var definition = campaignId is null ? null : await definitions.GetAsync(campaignId, cancellationToken);
        var task = new StaffTask
        {
            Id = action.TaskId,
            CampaignId = campaignId ?? "",
            CampaignName = definition?.Name ?? campaignId ?? "",
            InstanceId = instanceId,
            StepId = action.StepId,
            CustomerId = customerId,
            Text = action.Text,
            Reason = definition is null ? "" : TriggerReasons.Rule(definition.Trigger),
            CreatedAt = at,
        };
        var added = await store.TryAddAsync(task, cancellationToken);
        if (added)
        {
            LogCreated(logger, task.Id, task.CampaignId);
        }

        return added;
    }

    public async Task<IReadOnlyList<StaffTaskView>> ListAsync(StaffTaskStatus? status, CancellationToken cancellationToken)
    {
        var tasks = await store.ListAsync(status, cancellationToken);
        var views = new List<StaffTaskView>(tasks.Count);
        var contacts = new Dictionary<string, TaskContact>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!contacts.TryGetValue(task.CustomerId, out var contact))
            {
                var record = (await customers.GetAsync(task.CustomerId, cancellationToken))?.Value;
                contacts[task.CustomerId] = contact = new TaskContact(record?.FirstName, record?.LastName, record?.Email, record?.Phone);
            }

            views.Add(new StaffTaskView(task, contact));
        }

        return views;
    }

    /// <summary>Records a call's outcome; null when there is no such task. Do-not-call closes every open task of the customer.</summary>
    public async Task<StaffTask?> RecordOutcomeAsync(string id, StaffTaskOutcome outcome, string? note, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } task)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var updated = task with
        {
            Outcome = outcome,
            OutcomeAt = now,
            Attempts = task.Attempts + 1,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Status = outcome == StaffTaskOutcome.NotReached ? StaffTaskStatus.Open : StaffTaskStatus.Closed,
        };
        if (outcome == StaffTaskOutcome.DoNotCall)
        {
            // Remembered first: a task made meanwhile is refused by CreateAsync.
            await store.MarkDoNotCallAsync(task.CustomerId, now, cancellationToken);
            foreach (var other in await store.ListAsync(StaffTaskStatus.Open, cancellationToken))
            {
                if (other.CustomerId == task.CustomerId && other.Id != task.Id)
                {
                    await store.SaveAsync(other with { Status = StaffTaskStatus.Closed, Outcome = StaffTaskOutcome.DoNotCall, OutcomeAt = now }, cancellationToken);
                }
            }
        }

        await store.SaveAsync(updated, cancellationToken);
        LogOutcome(logger, id, outcome);
        return updated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff task {TaskId} created for campaign {CampaignId}")]
    private static partial void LogCreated(ILogger logger, string taskId, string campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff task {TaskId} not created: the customer is on the do-not-call list")]
    private static partial void LogDoNotCall(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff task {TaskId}: outcome {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string taskId, StaffTaskOutcome outcome);
}
