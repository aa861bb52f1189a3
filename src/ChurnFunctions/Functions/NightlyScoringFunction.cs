using ChurnFunctions.Core.Scoring;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>The nightly scoring on the NCRONTAB schedule in the app setting ScoreSchedule (Triggers.ScoreScheduleSetting).</summary>
public sealed class NightlyScoringFunction(ScoringJob job)
{
    [Function("NightlyScoring")]
    public Task Run([TimerTrigger(Triggers.ScoreSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(null, cancellationToken);
}
