using ChurnFunctions.Core.Campaigns.Runtime;

namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>
/// The action log both campaign hosts write to (the self-host runner and the Durable record activity), with staff
/// tasks made from <see cref="CreateStaffTask"/> actions on the way: the action first, then the task, each once by
/// its key, so a retried record makes neither twice.
/// </summary>
public sealed class StaffTaskActionLog(ICampaignActionLog inner, StaffTaskService tasks) : ICampaignActionLog
{
    public async Task RecordAsync(string instanceId, string customerId, CampaignAction action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(instanceId, customerId, action, at, cancellationToken);
        if (action is CreateStaffTask task)
        {
            await tasks.CreateAsync(instanceId, customerId, task, at, cancellationToken);
        }
    }
}
