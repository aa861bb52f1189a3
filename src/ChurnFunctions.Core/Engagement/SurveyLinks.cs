using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// The exit-survey link a campaign message carries ({{surveyLink}}): the feedback route with a token signed by
/// <see cref="FeedbackLinks"/>, so an answer posted from it is the customer's. Made where the customer context is
/// read (the runner, the Durable load activity), never in the decider, which holds no key and must stay replay-safe.
/// </summary>
public sealed class SurveyLinks(FeedbackLinks links, IOptions<FeedbackOptions> options)
{
    /// <summary>The link for <paramref name="customerId"/>, valid for the configured lifetime; null when links are not configured.</summary>
    public string? For(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var settings = options.Value;
        if (!settings.CanMakeLinks)
        {
            return null;
        }

        var token = links.Create(customerId);
        return settings.BaseUri!.AbsoluteUri.TrimEnd('/') + "/feedback?token=" + Uri.EscapeDataString(token);
    }

    /// <summary>The token of a link made by <see cref="For"/>, or null when it carries none.</summary>
    public static string? TokenOf(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var query = link.IndexOf("?token=", StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var value = link[(query + "?token=".Length)..];
        var end = value.IndexOfAny(['&', '#', ' ', '\n']);
        return Uri.UnescapeDataString(end < 0 ? value : value[..end]);
    }
}
