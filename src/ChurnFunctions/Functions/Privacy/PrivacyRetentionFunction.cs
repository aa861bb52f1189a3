using ChurnFunctions.Core.Privacy;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>The retention sweep on the schedule in the app setting RetentionSchedule; deletes only while Privacy__RetentionMonths is set.</summary>
public sealed class PrivacyRetentionFunction(PrivacyService privacy)
{
    [Function("PrivacyRetention")]
    public Task Run([TimerTrigger(Triggers.RetentionSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        privacy.ApplyRetentionAsync(cancellationToken);
}
