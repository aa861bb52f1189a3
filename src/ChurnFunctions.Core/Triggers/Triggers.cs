namespace ChurnFunctions.Core.Triggers;

/// <summary>
/// The one table of triggers. The Functions app uses the constants in its attributes (which need constants); the
/// self-host maps the lists. Tests check both ways that the self-host serves every entry it hosts and that the
/// Functions app's generated function index holds exactly the entries it hosts.
/// </summary>
public static class Triggers
{
    public const string ShopifyWebhookRoute = "webhooks/shopify";
    public const string WooCommerceWebhookRoute = "webhooks/woocommerce";
    public const string SquareWebhookRoute = "webhooks/square";
    public const string PosTransactionsRoute = "transactions";
    public const string CustomerRoute = "customers/{id}";
    public const string CustomersRoute = "customers";
    public const string HealthRoute = "health";
    public const string MetricsRoute = "metrics";
    public const string CustomerScoreRoute = "customers/{id}/score";
    public const string SegmentsRoute = "segments";
    public const string AlertsRoute = "alerts";
    public const string OutboxRoute = "outbox";
    public const string CampaignsRoute = "campaigns";
    public const string CampaignRoute = "campaigns/{id}";
    public const string CampaignReportRoute = "campaigns/{id}/report";
    public const string FeedbackRoute = "feedback";
    public const string FeedbackSummaryRoute = "feedback/summary";
    public const string SendGridWebhookRoute = "webhooks/sendgrid";
    public const string TwilioStatusRoute = "webhooks/twilio/status";
    public const string TwilioInboundRoute = "webhooks/twilio/inbound";
    public const string CustomerExportRoute = "customers/{id}/export";
    public const string CampaignSchemaRoute = "campaigns/schema";
    public const string CampaignEnrollRoute = "campaigns/enroll";
    public const string TasksRoute = "tasks";
    public const string TaskOutcomeRoute = "tasks/{id}/outcome";
    public const string AtRiskCustomersRoute = "customers/at-risk";
    public const string CohortsRoute = "cohorts";
    public const string SegmentFlowsRoute = "segments/flows";
    public const string ModelHealthRoute = "model/health";
    public const string CustomerScoresRoute = "customers/{id}/scores";
    public const string CustomerMessagesRoute = "customers/{id}/messages";
    public const string CustomerFeedbackRoute = "customers/{id}/feedback";
    public const string CustomerAlertsRoute = "customers/{id}/alerts";

    /// <summary>The staff dashboard's pages and scripts; the self-host also answers "/" with its overview page.</summary>
    public const string DashboardRoute = "dashboard/{*path}";
    public const string OpenApiRoute = "openapi.json";
    public const string ExportRoute = "export/{what}";
    public const string MetricsCompareRoute = "metrics/compare";

    /// <summary>The app setting holding the nightly scoring's NCRONTAB schedule (UTC).</summary>
    public const string ScoreScheduleSetting = "ScoreSchedule";
    public const string ScoreSchedule = "%" + ScoreScheduleSetting + "%";
    public const string DefaultScoreSchedule = "0 30 2 * * *";

    /// <summary>The app setting holding the campaign enrollment's schedule (UTC), after the nightly scoring.</summary>
    public const string EnrollScheduleSetting = "EnrollSchedule";
    public const string EnrollSchedule = "%" + EnrollScheduleSetting + "%";
    public const string DefaultEnrollSchedule = "0 0 3 * * *";

    /// <summary>The app setting holding the retention sweep's schedule (UTC); it deletes only while Privacy__RetentionMonths is set.</summary>
    public const string RetentionScheduleSetting = "RetentionSchedule";
    public const string RetentionSchedule = "%" + RetentionScheduleSetting + "%";
    public const string DefaultRetentionSchedule = "0 0 4 * * *";

    /// <summary>The app setting (prefix) of the storage account every queue trigger reads, as in Functions.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public const string IngestQueue = "ingest";
    public const string IngestPoisonQueue = IngestQueue + "-poison";

    /// <summary>Campaign wake-ups (self-host runner): a message per instance timer, invisible until due.</summary>
    public const string CampaignWakeUpsQueue = "campaign-wakeups";

    /// <summary>Campaign starts (Functions app): a message per (customer, campaign) to start as an orchestration.</summary>
    public const string CampaignStartsQueue = "campaign-starts";

    /// <summary>Campaign inputs (Functions app): purchases, clicks, replies raised to the customer's orchestrations.</summary>
    public const string CampaignEventsQueue = "campaign-events";

    /// <summary>Erased customers (Functions app): their campaign orchestrations to purge from the Durable task hub.</summary>
    public const string CampaignPurgesQueue = "campaign-purges";

    public const string CampaignOrchestrator = "CampaignOrchestrator";
    public const string CampaignLoadActivity = "CampaignLoad";
    public const string CampaignSendActivity = "CampaignSend";
    public const string CampaignRecordActivity = "CampaignRecord";

    /// <summary>Blob container for claim checks: bodies too large to travel in a queue message.</summary>
    public const string IngestBodiesContainer = "ingest-bodies";

    public static readonly IReadOnlyList<HttpTrigger> Http =
    [
        new("ShopifyWebhook", "POST", ShopifyWebhookRoute),
        new("WooCommerceWebhook", "POST", WooCommerceWebhookRoute),
        new("SquareWebhook", "POST", SquareWebhookRoute),
        new("PosTransactions", "POST", PosTransactionsRoute),
        new("GetCustomer", "GET", CustomerRoute),
        new("FindCustomers", "GET", CustomersRoute),
        new("Health", "GET", HealthRoute),
        new("GetMetrics", "GET", MetricsRoute),
        new("GetCustomerScore", "GET", CustomerScoreRoute),
        new("GetSegments", "GET", SegmentsRoute),
        new("GetAlerts", "GET", AlertsRoute),
        new("GetOutbox", "GET", OutboxRoute),
        new("SaveCampaign", "POST", CampaignsRoute),
        new("ListCampaigns", "GET", CampaignsRoute),
        new("GetCampaign", "GET", CampaignRoute),
        new("GetCampaignReport", "GET", CampaignReportRoute),
        new("SubmitFeedback", "POST", FeedbackRoute),
        new("GetFeedbackSummary", "GET", FeedbackSummaryRoute),
        new("SendGridEvents", "POST", SendGridWebhookRoute),
        new("TwilioStatus", "POST", TwilioStatusRoute),
        new("TwilioInbound", "POST", TwilioInboundRoute),
        new("ExportCustomer", "GET", CustomerExportRoute),
        new("EraseCustomer", "DELETE", CustomerRoute),
        new("GetCampaignSchema", "GET", CampaignSchemaRoute),
        new("EnrollCampaigns", "POST", CampaignEnrollRoute),
        new("ListTasks", "GET", TasksRoute),
        new("RecordTaskOutcome", "POST", TaskOutcomeRoute),
        new("GetAtRiskCustomers", "GET", AtRiskCustomersRoute),
        new("GetCohorts", "GET", CohortsRoute),
        new("GetSegmentFlows", "GET", SegmentFlowsRoute),
        new("GetModelHealth", "GET", ModelHealthRoute),
        new("GetCustomerScores", "GET", CustomerScoresRoute),
        new("GetCustomerMessages", "GET", CustomerMessagesRoute),
        new("GetCustomerFeedback", "GET", CustomerFeedbackRoute),
        new("GetCustomerAlerts", "GET", CustomerAlertsRoute),
        new("Dashboard", "GET", DashboardRoute),
        new("GetOpenApi", "GET", OpenApiRoute),
        new("ExportData", "GET", ExportRoute),
        new("CompareMetrics", "GET", MetricsCompareRoute),
    ];

    public static readonly IReadOnlyList<QueueTrigger> Queues =
    [
        new("IngestQueue", IngestQueue),
        new("CampaignWakeUps", CampaignWakeUpsQueue, TriggerHosts.SelfHost),
        new("CampaignStart", CampaignStartsQueue, TriggerHosts.Functions),
        new("CampaignEvent", CampaignEventsQueue, TriggerHosts.Functions),
        new("CampaignPurge", CampaignPurgesQueue, TriggerHosts.Functions),
    ];

    public static readonly IReadOnlyList<TimerTrigger> Timers =
    [
        new("NightlyScoring", ScoreScheduleSetting, DefaultScoreSchedule),
        new("CampaignEnrollment", EnrollScheduleSetting, DefaultEnrollSchedule),
        new("PrivacyRetention", RetentionScheduleSetting, DefaultRetentionSchedule),
    ];

    public static readonly IReadOnlyList<DurableTrigger> Durable =
    [
        new(CampaignOrchestrator, DurableTriggerKind.Orchestration),
        new(CampaignLoadActivity, DurableTriggerKind.Activity),
        new(CampaignSendActivity, DurableTriggerKind.Activity),
        new(CampaignRecordActivity, DurableTriggerKind.Activity),
    ];
}
