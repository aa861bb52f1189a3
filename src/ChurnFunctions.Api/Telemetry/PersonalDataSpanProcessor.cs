using System.Diagnostics;
using ChurnFunctions.Core.Telemetry;
using OpenTelemetry;

namespace ChurnFunctions.Api.Telemetry;

/// <summary>
/// The last guard before export, for spans whose tags no instrumentation option reaches: the Azure SDK clients put the
/// full request URL (<c>http.url</c>, or <c>url.full</c>) on their spans before starting them, with the entity keys
/// in it. Rewritten at start, so samplers and processors after this one see only the redacted form, and again at the
/// end for any set later. A failed third-party span keeps its status but not its description: an SDK's exception
/// message may quote what it was sent.
/// </summary>
internal sealed class PersonalDataSpanProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url"];
    private static readonly string[] PathTags = ["url.path", "http.target"];

    public override void OnStart(Activity data) => Scrub(data);

    public override void OnEnd(Activity data)
    {
        Scrub(data);
        if (data.Status == ActivityStatusCode.Error && data.StatusDescription is not null && data.Source.Name != ChurnTelemetry.SourceName)
        {
            data.SetStatus(ActivityStatusCode.Error);
        }
    }

    internal static void Scrub(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url)
            {
                activity.SetTag(tag, TelemetryUrls.Redact(url));
            }
        }

        foreach (var tag in PathTags)
        {
            if (activity.GetTagItem(tag) is string path)
            {
                // A server path too: a client may put an email where a route expects a customer id.
                activity.SetTag(tag, TelemetryUrls.RedactPath(path));
            }
        }

        if (activity.GetTagItem("url.query") is not null)
        {
            activity.SetTag("url.query", null);
        }
    }
}
