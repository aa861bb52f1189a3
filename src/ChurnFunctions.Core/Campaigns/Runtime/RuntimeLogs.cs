using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Campaigns.Runtime;

internal static partial class RuntimeLogs
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Send {SendId}: pending entry of attempt {Attempt} expired at {LeaseUntil}; sending again")]
    public static partial void TakingOverSend(ILogger logger, string sendId, int attempt, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Send {SendId}: the ledger entry was taken over during the provider call")]
    public static partial void LostSendLease(ILogger logger, string sendId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Campaign {CampaignId} is not defined; instance {InstanceId} waits")]
    public static partial void NoDefinition(ILogger logger, string campaignId, string instanceId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Instance {InstanceId} started")]
    public static partial void Started(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Instance {InstanceId}: send {SendId} is in flight elsewhere until {Until}")]
    public static partial void SendBusy(ILogger logger, string instanceId, string sendId, DateTimeOffset until);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Instance {InstanceId}: stopped after {Decisions} decisions for one input")]
    public static partial void TooManyDecisions(ILogger logger, string instanceId, int decisions);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Instance {InstanceId} completed: {Reason}")]
    public static partial void Completed(ILogger logger, string instanceId, CompletionReason reason);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Send {SendId}: the recipient's frequency cap is taken until {Until}; deferred")]
    public static partial void Capped(ILogger logger, string sendId, DateTimeOffset until);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Send {SendId}: the provider's answer was lost; waiting for an event that names it until {Until}")]
    public static partial void SendUncertain(ILogger logger, string sendId, DateTimeOffset until);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Send {SendId}: no provider event by {Until}; sending again")]
    public static partial void ResendingUncertain(ILogger logger, string sendId, DateTimeOffset until);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Send {SendId}: no provider event came; counted as sent, not sent again")]
    public static partial void UncertainNotResent(ILogger logger, string sendId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Send {SendId}: a provider event confirmed it")]
    public static partial void Reconciled(ILogger logger, string sendId);
}
