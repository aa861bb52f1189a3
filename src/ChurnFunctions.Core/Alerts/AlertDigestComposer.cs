using System.Globalization;
using System.Text;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Turns the new alerts of one rule into one staff message. Pure: contacts are looked up by the caller.</summary>
public static class AlertDigestComposer
{
    /// <summary>The order a digest lists alerts in: highest CLV first, then by condition, so the list repeats.</summary>
    public static IReadOnlyList<Alert> Order(IEnumerable<Alert> alerts) =>
        [.. alerts.OrderByDescending(a => a.Clv ?? double.MinValue).ThenBy(a => a.Condition, StringComparer.Ordinal)];

    /// <param name="alerts">New alerts of one rule and day, in <see cref="Order"/>.</param>
    /// <param name="contacts">Customer id -> how staff know the customer (name and email); missing ids show the id alone.</param>
    public static AlertDigest Compose(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, string> contacts, AlertOptions options)
    {
        var first = alerts[0];
        var rule = first.Rule;
        var link = ListLink(first.Date, rule, options.LinkBaseUrl);
        var shown = alerts.Take(options.DigestTopItems).ToList();
        var body = new StringBuilder();
        if (alerts.Count == 1)
        {
            body.AppendLine(Line(first, contacts, withTitle: false));
        }
        else
        {
            foreach (var alert in shown)
            {
                body.Append("- ").AppendLine(Line(alert, contacts, withTitle: true));
            }
        }

        var rest = alerts.Count - shown.Count;
        body.AppendLine();
        body.AppendLine(rest > 0
            ? string.Create(CultureInfo.InvariantCulture, $"...and {rest} more. All {alerts.Count}: {link}")
            : $"Listed at {link}");
        return new AlertDigest(first.Date, rule, Severity(alerts), Title(alerts), body.ToString(), link, [.. alerts.Select(a => a.Condition)]);
    }

    public static string ListLink(DateOnly date, string rule, string? baseUrl) =>
        $"{(string.IsNullOrWhiteSpace(baseUrl) ? "/api" : baseUrl.TrimEnd('/'))}/alerts?date={date:yyyy-MM-dd}&rule={Uri.EscapeDataString(rule)}";

    private static string Title(IReadOnlyList<Alert> alerts) => alerts.Count == 1
        ? alerts[0].Title
        : alerts[0].Rule switch
        {
            "top-customer-slipping" => string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} high-value customers may be slipping away"),
            "category-abandonment" => string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} categories losing customers"),
            var rule => string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} alerts: {rule}"),
        };

    private static string Line(Alert alert, IReadOnlyDictionary<string, string> contacts, bool withTitle)
    {
        if (alert.CustomerId is not { } id)
        {
            return withTitle ? $"{alert.Title}. {alert.Detail}" : alert.Detail;
        }

        var who = contacts.TryGetValue(id, out var contact) ? $"{contact} (customer {id})" : $"customer {id}";
        return $"{who}: {alert.Detail}";
    }

    private static string Severity(IReadOnlyList<Alert> alerts) =>
        alerts.Any(a => a.Severity == "high") ? "high" : alerts.Any(a => a.Severity == "medium") ? "medium" : alerts[0].Severity;
}
