using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api.Logging;

/// <summary>
/// Caps the framework loggers that write whole URLs at Warning, in both hosts. A lookup carries an email or phone in its
/// query (<c>GET /api/customers?email=…</c>), which ASP.NET Core's request logs (hosting diagnostics, HTTP logging,
/// Kestrel's bad-request log) write verbatim at Information and below; an outgoing client's path can hold a secret
/// (a Teams or Slack webhook URL). The self-host logs requests by route template instead.
/// </summary>
internal sealed class UrlLoggingFilter : IPostConfigureOptions<LoggerFilterOptions>
{
    internal static readonly IReadOnlyList<string> Categories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "System.Net.Http.HttpClient",
    ];

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        // After every configured rule, so it wins over a setting such as Logging:LogLevel:Default=Trace. A rule naming
        // a provider beats any rule that names none, whatever its category, so the cap is repeated for each such provider.
        var providers = options.Rules.Select(r => r.ProviderName).Where(p => p is not null).Distinct(StringComparer.Ordinal).Prepend(null).ToList();
        foreach (var provider in providers)
        {
            foreach (var category in Categories)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, null));
            }
        }
    }
}
