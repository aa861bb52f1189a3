using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The outcome of a <see cref="SendEmail"/> or <see cref="SendSms"/>. Only this moves the step pointer past a send;
/// one whose <see cref="SendId"/> is not the pending send (late, repeated) is ignored.
/// </summary>
public sealed record SendCompleted(string StepId, string SendId, SendResult Result) : CampaignInput;
