using System.Net;

namespace ChurnFunctions.Storage.Tests.Unit;

/// <summary>Answers each request with the next scripted response (the last one repeats), and records the requests.</summary>
internal sealed class StubHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public List<HttpRequestMessage> Requests { get; } = [];

    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status) => _ => new HttpResponseMessage(status);

    public static Func<HttpRequestMessage, HttpResponseMessage> Throw(Exception exception) => _ => throw exception;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = Interlocked.Increment(ref _calls) - 1;
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Task.FromResult(script[Math.Min(call, script.Length - 1)](request));
    }
}
