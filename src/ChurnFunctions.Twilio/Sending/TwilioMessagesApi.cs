using System.Net.Http.Headers;
using System.Text;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// The two calls the sender makes on {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, with Basic auth:
/// POST a form to create a message, GET the recipient's recent messages. One pooled HttpClient; no retries here.
/// </summary>
internal sealed class TwilioMessagesApi : IDisposable
{
    private readonly HttpClient _client;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _messagesUrl;

    public TwilioMessagesApi(TwilioOptions options, HttpMessageHandler? handler)
    {
        _client = new HttpClient(handler ?? CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
        _messagesUrl = $"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(options.AccountSid!)}/Messages.json";
    }

    /// <summary>POSTs the form; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> CreateAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, _messagesUrl);
        request.Content = new FormUrlEncodedContent(form);
        return SendAsync(request, cancellationToken);
    }

    /// <summary>The newest messages to <paramref name="to"/> (from <paramref name="from"/> when given), or null with the HTTP status when the list failed.</summary>
    public async Task<(IReadOnlyList<TwilioMessageResource>? Messages, int HttpStatus)> ListRecentAsync(
        string to, string? from, CancellationToken cancellationToken)
    {
        var query = $"?To={Uri.EscapeDataString(to)}&PageSize=50" + (from is null ? string.Empty : $"&From={Uri.EscapeDataString(from)}");
        using var response = await SendAsync(Request(HttpMethod.Get, _messagesUrl + query), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return (response.IsSuccessStatusCode ? TwilioMessageResource.ParsePage(body) : null, (int)response.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    private HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
