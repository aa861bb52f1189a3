using System.Collections.Frozen;

namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>
/// Per trigger of the table, what its handler does and checks that the generated document cannot infer: the handlers
/// take the raw request, read their own query and check their own key. A test holds every trigger to an entry and
/// every stated key to what the route answers.
/// </summary>
public static class RouteDocs
{
    private static readonly RouteQuery From = new("from", "First day, yyyy-MM-dd.");
    private static readonly RouteQuery To = new("to", "Last day, yyyy-MM-dd.");

    public static FrozenDictionary<string, RouteDoc> ByTrigger { get; } = new Dictionary<string, RouteDoc>
    {
        ["ShopifyWebhook"] = new("Shopify order, refund and privacy webhooks; 202 once queued.", RouteAuth.ShopifySignature),
        ["WooCommerceWebhook"] = new("WooCommerce order webhooks; 202 once queued.", RouteAuth.WooCommerceSignature),
        ["SquareWebhook"] = new("Square payment and refund webhooks; 202 once queued.", RouteAuth.SquareSignature),
        ["PosTransactions"] = new("POS JSON: one transaction or an array (all or nothing); 202 once queued.", RouteAuth.IngestKey),
        ["GetCustomer"] = new("A customer with its aggregate and transactions.", RouteAuth.ReadKey),
        ["FindCustomers"] = new(
            "A customer found by email, phone or platform id.",
            RouteAuth.ReadKey,
            new RouteQuery("email", "The customer's email."),
            new RouteQuery("phone", "The customer's phone."),
            new RouteQuery("platformId", "A platform id such as shopify:123 or cdnow:1.")),
        ["Health"] = new("Liveness.", RouteAuth.None),
        ["GetMetrics"] = new("Daily metrics snapshots; by default the 30 days ending on the latest run.", RouteAuth.ReadKey, From, To),
        ["GetCustomerScore"] = new("The customer's latest score.", RouteAuth.ReadKey),
        ["GetSegments"] = new("Segment, tier and value-tier counts of the latest run.", RouteAuth.ReadKey),
        ["GetAlerts"] = new(
            "Alerts raised, one per condition; by default the 30 days ending on the latest run.",
            RouteAuth.ReadKey,
            From,
            To,
            new RouteQuery("date", "One day, yyyy-MM-dd, instead of from and to."),
            new RouteQuery("rule", "top-customer-slipping, category-abandonment, churn-rate-above-threshold or churn-rate-rising.")),
        ["GetOutbox"] = new(
            "Messages recorded instead of sent, newest first, in pages (the next page's cursor in X-Next-Cursor).",
            RouteAuth.ReadKey,
            new RouteQuery("kind", "alert or campaign."),
            new RouteQuery("max", "Page size, 1 to 1000."),
            new RouteQuery("cursor", "Where the previous page ended.")),
        ["SaveCampaign"] = new("Saves a campaign definition (its JSON Schema: GET /api/campaigns/schema).", RouteAuth.ReadKey),
        ["ListCampaigns"] = new("Every campaign definition.", RouteAuth.ReadKey),
        ["GetCampaign"] = new("One campaign definition.", RouteAuth.ReadKey),
        ["GetCampaignReport"] = new("A campaign's treatment and holdout funnel, per-step counts and the uplift with its 95% interval.", RouteAuth.ReadKey),
        ["SubmitFeedback"] = new("An exit-survey answer, {token, reason, text}, from a signed survey link.", RouteAuth.SurveyToken),
        ["GetFeedbackSummary"] = new(
            "Exit-survey reasons counted; by default the last 30 days, or with by=month the 12 calendar months ending with to, month by month.",
            RouteAuth.ReadKey, From, To, new RouteQuery("by", "month: also count per calendar month.")),
        ["SendGridEvents"] = new("SendGrid events: deliveries, clicks, bounces, opt-outs.", RouteAuth.SendGridSignature),
        ["TwilioStatus"] = new("Twilio SMS delivery status callbacks.", RouteAuth.TwilioSignature, new RouteQuery("sendId", "The send the callback is about.")),
        ["TwilioInbound"] = new("Inbound SMS: STOP and START change the sender's consent.", RouteAuth.TwilioSignature),
        ["ExportCustomer"] = new("Everything held about a customer, as one JSON document.", RouteAuth.AdminKey),
        ["EraseCustomer"] = new("Erases the customer from every table and blob; repeatable.", RouteAuth.AdminKey),
        ["GetCampaignSchema"] = new("The JSON Schema of campaign definitions.", RouteAuth.None),
        ["EnrollCampaigns"] = new(
            "Runs the campaign enrollment now, or with dryRun=true lists who would enter which campaign and why, starting, writing and sending nothing.",
            RouteAuth.AdminKey,
            new RouteQuery("dryRun", "true (list only) or false (enroll now).", Required: true)),
        ["ListTasks"] = new(
            "The staff call list: each task's text, reason and campaign with the customer's current name, email and phone.",
            RouteAuth.ReadKey,
            new RouteQuery("status", "open (the default), closed or all.")),
        ["RecordTaskOutcome"] = new(
            "Records a call: {outcome: reached | not-reached | won-back | do-not-call, note}; not-reached keeps the task open.",
            RouteAuth.ReadOrAdminKey),
        ["GetAtRiskCustomers"] = new(
            "The latest run's customers ranked by value at stake, CLV × (1 − P(alive)), each with the reason in words.",
            RouteAuth.ReadKey,
            new RouteQuery("offset", "Rows to skip."),
            new RouteQuery("limit", "Page size, 1 to 500 (default 50).")),
        ["GetCohorts"] = new("Month of first purchase × months since: customers buying and the cohort's share.", RouteAuth.ReadKey),
        ["GetSegmentFlows"] = new(
            "Customers moving between segments from one run to another; by default the last two.",
            RouteAuth.ReadKey,
            new RouteQuery("from", "The earlier run, yyyy-MM-dd."),
            new RouteQuery("to", "The later run, yyyy-MM-dd.")),
        ["GetModelHealth"] = new(
            "The model refitted with the last weeks held out: expected against actual repeat purchases per week and per frequency.",
            RouteAuth.ReadKey,
            new RouteQuery("weeks", "Weeks held out (default up to 13, at most half the history).")),
        ["GetCustomerScores"] = new("The customer's score on each run of the 90 days ending on the latest run.", RouteAuth.ReadKey),
        ["GetCustomerMessages"] = new("Campaign messages sent or tried to the customer, newest first, from the send ledger.", RouteAuth.ReadKey),
        ["GetCustomerFeedback"] = new("The customer's exit-survey answers, one per day, oldest first.", RouteAuth.ReadKey),
        ["GetCustomerAlerts"] = new("The staff alerts that named the customer, newest first.", RouteAuth.ReadKey),
        ["Dashboard"] = new("The staff dashboard's pages and scripts; the data they show needs a read key.", RouteAuth.None),
        ["GetOpenApi"] = new("This document.", RouteAuth.None),
        ["ExportData"] = new(
            "Analyst exports (customers, scores, segments, metrics, transactions), streamed, without contact details.",
            RouteAuth.ReadKey,
            new RouteQuery("format", "csv (the default) or parquet.")),
        ["CompareMetrics"] = new(
            "Churn, retention and repeat purchase rate of two periods with 95% Wilson intervals, and the change.",
            RouteAuth.ReadKey,
            new RouteQuery("before", "The first period, FROM..TO in ISO dates.", Required: true),
            new RouteQuery("after", "The second period, FROM..TO in ISO dates.", Required: true)),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
