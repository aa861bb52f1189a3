using System.Net.Http.Json;
using ChurnFunctions.Core.Alerts;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Notifications;

/// <summary>Posts alert digests to a Teams or Slack incoming webhook: both accept a JSON body with a "text" field.</summary>
public sealed class IncomingWebhookAlertChannel(HttpClient http, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "webhook";

    public async Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(options.Value.WebhookUrl!), new { text = $"*{digest.Title}*\n{digest.Body}" }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
