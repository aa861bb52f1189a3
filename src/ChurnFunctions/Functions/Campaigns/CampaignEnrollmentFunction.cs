using ChurnFunctions.Core.Campaigns.Enrollment;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>The daily campaign enrollment on the schedule in the app setting EnrollSchedule (Triggers.EnrollScheduleSetting).</summary>
public sealed class CampaignEnrollmentFunction(CampaignEnrollmentJob job)
{
    [Function("CampaignEnrollment")]
    public Task Run([TimerTrigger(Triggers.EnrollSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
