using static ChurnFunctions.Core.Exports.ExportColumnType;

namespace ChurnFunctions.Core.Exports;

/// <summary>The documented columns of each export, in file order (docs/exports.md is written from these).</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> Customers =
    [
        new("customer_id", Text, "The customer's id (the API's customers/{id}); no contact details are exported."),
        new("first_purchase_at", Timestamp, "First purchase, UTC."),
        new("last_purchase_at", Timestamp, "Last purchase, UTC."),
        new("order_count", Integer, "Purchases."),
        new("refund_count", Integer, "Refunds."),
        new("distinct_purchase_days", Integer, "Days with at least one purchase."),
        new("gross_spend", ExportColumnType.Decimal, "Purchases' total in currency."),
        new("net_spend", ExportColumnType.Decimal, "Gross spend less refunds."),
        new("currency", Text, "ISO 4217 code of the first purchase; spend sums count only this currency."),
        new("other_currency_transactions", Integer, "Transactions in another currency, left out of the sums."),
    ];

    public static readonly IReadOnlyList<ExportColumn> Scores =
    [
        new("customer_id", Text, "The customer's id."),
        new("as_of", Date, "The scoring run's day."),
        new("probability_alive", Number, "P(alive) from the purchase model; empty when no model could be fitted."),
        new("expected_purchases", Number, "Expected purchases over the horizon."),
        new("expected_purchases_horizon_days", Integer, "The horizon of expected_purchases, in days."),
        new("expected_next_purchase", Date, "The day the next purchase is expected."),
        new("expected_spend_per_purchase", Number, "Expected spend per purchase (Gamma-Gamma)."),
        new("clv", Number, "Customer lifetime value."),
        new("recency", Integer, "RFM recency score (1-5)."),
        new("frequency", Integer, "RFM frequency score (1-5)."),
        new("monetary", Integer, "RFM monetary score (1-5)."),
        new("segment", Text, "RFM segment, kebab-case."),
        new("tier", Text, "Churn-risk tier."),
        new("value_tier", Text, "Value tier."),
        new("churn_status", Text, "active, or churned-* by the churn rule."),
        new("partial_churn", ExportColumnType.Boolean, "Stopped buying some categories while still buying others."),
        new("abandoned_categories", Text, "Those categories, separated by '|'."),
    ];

    public static readonly IReadOnlyList<ExportColumn> Segments =
    [
        new("as_of", Date, "The scoring run's day."),
        new("dimension", Text, "segment, tier or value_tier."),
        new("name", Text, "The segment, tier or value tier."),
        new("customers", Integer, "Customers in it that day."),
    ];

    public static readonly IReadOnlyList<ExportColumn> Metrics =
    [
        new("date", Date, "The scoring run's day (the period's end)."),
        new("computed_at", Timestamp, "When the run computed it, UTC."),
        new("period_start", Date, "First day of the metrics period."),
        new("period_end", Date, "Last day of the metrics period."),
        new("customers", Integer, "Customers scored."),
        new("active_at_start", Integer, "Customers active when the period began."),
        new("churned_during_period", Integer, "Of those, churned by its end."),
        new("churn_rate", Number, "churned_during_period / active_at_start; empty when none were active."),
        new("retention_rate", Number, "1 - churn_rate."),
        new("repeat_purchase_rate", Number, "Share of the period's buyers who bought on two or more days."),
        new("active_customers", Integer, "Customers active at the period's end."),
        new("new_customers", Integer, "Customers whose first purchase fell in the period."),
        new("revenue", ExportColumnType.Decimal, "Period revenue; empty when it spans several currencies."),
        new("revenue_from_returning_customers", ExportColumnType.Decimal, "Of it, from customers who bought before the period."),
        new("partial_churners", Integer, "Customers who stopped buying some categories."),
        new("model", Text, "The purchase model that scored the run."),
        new("model_log_likelihood", Number, "Its log-likelihood on the fit."),
    ];

    public static readonly IReadOnlyList<ExportColumn> Transactions =
    [
        new("customer_id", Text, "The customer's id."),
        new("source", Text, "shopify, woocommerce, square, pos or import."),
        new("external_id", Text, "The platform's id of the order or refund."),
        new("kind", Text, "purchase or refund."),
        new("occurred_at", Timestamp, "When it happened, UTC."),
        new("local_date", Date, "Its calendar day where the platform reported it."),
        new("currency", Text, "ISO 4217 code."),
        new("gross_total", ExportColumnType.Decimal, "Total (the refunded amount for a refund, positive)."),
        new("discounts", ExportColumnType.Decimal, "Discounts on it."),
        new("net_amount", ExportColumnType.Decimal, "What it adds to net spend (negative for a refund)."),
        new("channel", Text, "online or pos."),
        new("location", Text, "Store or location id, when the platform sent one."),
        new("refund_of", Text, "For a refund, the order it refunds."),
        new("line_count", Integer, "Lines on it."),
    ];
}
