using System.Net;
using System.Text;

namespace ChurnFunctions.Twilio.Tests.Support;

/// <summary>Answers each request from a script and keeps what was sent (method, URL, headers, form body).</summary>
internal sealed class RecordingHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<RecordedRequest> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Created(string sid = "SM0123456789abcdef0123456789abcdef") =>
        Json(HttpStatusCode.Created, $$"""{"sid": "{{sid}}", "status": "queued"}""");

    public static HttpResponseMessage TwilioError(HttpStatusCode status, int code, string message = "The 'To' number +15551234567 is not valid.") =>
        Json(status, $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{(int)status}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType, body));
        }

        var index = Interlocked.Increment(ref _next) - 1;
        return answers[Math.Min(index, answers.Length - 1)](request);
    }
}
