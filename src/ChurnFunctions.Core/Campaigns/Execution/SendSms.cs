using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>Send <see cref="Message"/>, then report a <see cref="SendCompleted"/>. <see cref="SendId"/> = instance id + ":" + step id.</summary>
public sealed record SendSms(string StepId, string SendId, SmsMessage Message) : CampaignAction;
