using ChurnFunctions.Benchmarks.Ingest;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>One run's counts and timings; the seconds are from the first StartAsync call.</summary>
internal sealed record CampaignRunResult(
    int Instances,
    int Completed,
    int Steps,
    IReadOnlyDictionary<StepOutcome, int> StepsByOutcome,
    int PlannedSends,
    int AcceptedSends,
    double StartSeconds,
    double SendsSeconds,
    double StepsSeconds,
    int DuplicateSendIds,
    int DuplicateExtraSends,
    int UnplannedSends,
    int SendGridRequests,
    int TwilioRequests,
    LatencySummary EmailLatency,
    LatencySummary SmsLatency)
{
    public double StepsPerMinute => Steps / StepsSeconds * 60;

    public double SendsPerMinute => AcceptedSends / SendsSeconds * 60;
}
