using ChurnFunctions.Api.Http.Campaigns;
using ChurnFunctions.Api.Http.Engagement;
using ChurnFunctions.Api.Http.OpenApi;
using ChurnFunctions.Core.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChurnFunctions.Api.Http;

/// <summary>
/// Maps every HTTP trigger of <see cref="Triggers"/> under /api, each to its shared handler: the self-host serves
/// these endpoints, and both hosts' OpenAPI document is generated from them.
/// </summary>
public static class ChurnApiEndpoints
{
    public static IEndpointRouteBuilder MapChurnApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        foreach (var trigger in Triggers.Http)
        {
            api.MapMethods(trigger.Route, [trigger.Method], HandlerFor(trigger.Name)).WithName(trigger.Name)
                .WithTags(trigger.Route.Split('/')[0]);
        }

        // The dashboard's overview at the root, so the address `churn serve` prints opens it. Not an API route (the
        // Functions app has no root): the OpenAPI document lists the trigger table's routes only.
        app.MapGet("/", (HttpRequest r, DashboardEndpoint e) => e.Get(r)).WithName("DashboardRoot").ExcludeFromDescription();
        return app;
    }

    /// <summary>The handler classes the endpoints take from the container (what parameter inference must see as services).</summary>
    public static IReadOnlyList<Type> HandlerServiceTypes() =>
    [
        .. Triggers.Http
            .SelectMany(t => HandlerFor(t.Name).Method.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsClass && t.Namespace?.StartsWith("ChurnFunctions.", StringComparison.Ordinal) == true)
            .Distinct(),
    ];

    private static Delegate HandlerFor(string triggerName) => triggerName switch
    {
        "ShopifyWebhook" => (HttpRequest r, IngestEndpoints e, CancellationToken ct) => e.ShopifyAsync(r, ct),
        "WooCommerceWebhook" => (HttpRequest r, IngestEndpoints e, CancellationToken ct) => e.WooCommerceAsync(r, ct),
        "SquareWebhook" => (HttpRequest r, IngestEndpoints e, CancellationToken ct) => e.SquareAsync(r, ct),
        "PosTransactions" => (HttpRequest r, IngestEndpoints e, CancellationToken ct) => e.PosAsync(r, ct),
        "GetCustomer" => (string id, HttpRequest r, CustomerEndpoints e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "FindCustomers" => (HttpRequest r, CustomerEndpoints e, CancellationToken ct) => e.FindAsync(r, ct),
        "Health" => (HealthEndpoint e) => e.Get(),
        "GetMetrics" => (HttpRequest r, AnalyticsEndpoints e, CancellationToken ct) => e.MetricsAsync(r, ct),
        "GetCustomerScore" => (string id, HttpRequest r, AnalyticsEndpoints e, CancellationToken ct) => e.ScoreAsync(id, r, ct),
        "GetSegments" => (HttpRequest r, AnalyticsEndpoints e, CancellationToken ct) => e.SegmentsAsync(r, ct),
        "GetAlerts" => (HttpRequest r, AnalyticsEndpoints e, CancellationToken ct) => e.AlertsAsync(r, ct),
        "GetOutbox" => (HttpRequest r, AnalyticsEndpoints e, CancellationToken ct) => e.OutboxAsync(r, ct),
        "SaveCampaign" => (HttpRequest r, CampaignEndpoints e, CancellationToken ct) => e.SaveAsync(r, ct),
        "ListCampaigns" => (HttpRequest r, CampaignEndpoints e, CancellationToken ct) => e.ListAsync(r, ct),
        "GetCampaign" => (string id, HttpRequest r, CampaignEndpoints e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "GetCampaignReport" => (string id, HttpRequest r, CampaignReportEndpoint e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "SubmitFeedback" => (HttpRequest r, FeedbackEndpoints e, CancellationToken ct) => e.SubmitAsync(r, ct),
        "GetFeedbackSummary" => (HttpRequest r, FeedbackEndpoints e, CancellationToken ct) => e.SummaryAsync(r, ct),
        "SendGridEvents" => (HttpRequest r, SendGridWebhookEndpoint e, CancellationToken ct) => e.PostAsync(r, ct),
        "TwilioStatus" => (HttpRequest r, TwilioWebhookEndpoints e, CancellationToken ct) => e.StatusAsync(r, ct),
        "ExportCustomer" => (string id, HttpRequest r, PrivacyEndpoints e, CancellationToken ct) => e.ExportAsync(id, r, ct),
        "EraseCustomer" => (string id, HttpRequest r, PrivacyEndpoints e, CancellationToken ct) => e.EraseAsync(id, r, ct),
        "TwilioInbound" => (HttpRequest r, TwilioWebhookEndpoints e, CancellationToken ct) => e.InboundAsync(r, ct),
        "GetCampaignSchema" => (CampaignSchemaEndpoint e) => e.Get(),
        "EnrollCampaigns" => (HttpRequest r, EnrollEndpoint e, CancellationToken ct) => e.PostAsync(r, ct),
        "ListTasks" => (HttpRequest r, StaffTaskEndpoints e, CancellationToken ct) => e.ListAsync(r, ct),
        "RecordTaskOutcome" => (string id, HttpRequest r, StaffTaskEndpoints e, CancellationToken ct) => e.OutcomeAsync(id, r, ct),
        "GetAtRiskCustomers" => (HttpRequest r, AtRiskEndpoint e, CancellationToken ct) => e.GetAsync(r, ct),
        "GetCohorts" => (HttpRequest r, CohortsEndpoint e, CancellationToken ct) => e.GetAsync(r, ct),
        "GetSegmentFlows" => (HttpRequest r, SegmentFlowsEndpoint e, CancellationToken ct) => e.GetAsync(r, ct),
        "GetModelHealth" => (HttpRequest r, ModelHealthEndpoint e, CancellationToken ct) => e.GetAsync(r, ct),
        "GetCustomerScores" => (string id, HttpRequest r, ScoreHistoryEndpoint e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "GetCustomerMessages" => (string id, HttpRequest r, CustomerMessagesEndpoint e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "GetCustomerAlerts" => (string id, HttpRequest r, CustomerAlertsEndpoint e, CancellationToken ct) => e.GetAsync(id, r, ct),
        "GetCustomerFeedback" => (string id, HttpRequest r, FeedbackEndpoints e, CancellationToken ct) => e.CustomerAsync(id, r, ct),
        // The file is read from the request path (alike in both hosts); the route value is declared for the OpenAPI document.
        "Dashboard" => (string? path, HttpRequest r, DashboardEndpoint e) => e.Get(r),
        "CompareMetrics" => (HttpRequest r, MetricsCompareEndpoint e, CancellationToken ct) => e.GetAsync(r, ct),
        "ExportData" => (string what, HttpRequest r, ExportEndpoints e, CancellationToken ct) => e.Get(what, r, ct),
        "GetOpenApi" => (HttpContext c, CancellationToken ct) => OpenApiEndpoint.GetAsync(c, ct),
        _ => throw new InvalidOperationException($"No self-host handler for trigger '{triggerName}'."),
    };
}
