using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Fakes.Twilio;

/// <summary>
/// A fake Twilio Messages API on http://127.0.0.1:{random port}, speaking the real wire format: POST
/// /2010-04-01/Accounts/{sid}/Messages.json with Basic auth and a form body answers 201 with the message JSON, or 400
/// with Twilio's error JSON (21604 no To, 21602 no Body, 21603 no From/MessagingServiceSid, 21211 invalid number,
/// 21610 opted out); GET on the same path lists accepted messages newest first (filters To, From, PageSize).
/// Faults (<see cref="FailNext"/>, <see cref="FailFraction"/>) apply to create requests only. Thread-safe.
/// </summary>
public sealed partial class FakeTwilioServer : IAsyncDisposable
{
    public const string DefaultAccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string DefaultAuthToken = "fake-twilio-auth-token-0123456789";

    private readonly Lock _gate = new();
    private readonly List<FakeTwilioMessage> _accepted = [];
    private readonly HashSet<string> _optedOut = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalid = new(StringComparer.Ordinal);
    private readonly Queue<FakeTwilioFault> _nextFaults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _timeProvider;
    private WebApplication? _app;
    private (double Fraction, FakeTwilioFault Fault, Random Random)? _randomFaults;
    private int _createRequests;
    private int _listRequests;

    private FakeTwilioServer(string accountSid, string authToken, TimeProvider timeProvider)
    {
        AccountSid = accountSid;
        AuthToken = authToken;
        _timeProvider = timeProvider;
    }

    /// <summary>The root to use as the adapter's BaseUrl, e.g. http://127.0.0.1:51234.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Messages accepted so far (a snapshot, oldest first).</summary>
    public IReadOnlyList<FakeTwilioMessage> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>Create requests received, faulted ones included.</summary>
    public int CreateRequests => Volatile.Read(ref _createRequests);

    /// <summary>List (GET) requests received.</summary>
    public int ListRequests => Volatile.Read(ref _listRequests);

    public static async Task<FakeTwilioServer> StartAsync(
        string accountSid = DefaultAccountSid, string authToken = DefaultAuthToken, TimeProvider? timeProvider = null)
    {
        var server = new FakeTwilioServer(accountSid, authToken, timeProvider ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (HttpContext context, string accountSid) => server.CreateAsync(context, accountSid));
        app.MapGet("/2010-04-01/Accounts/{accountSid}/Messages.json", (HttpContext context, string accountSid) => server.List(context, accountSid));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        server._app = app;
        return server;
    }

    /// <summary>How many accepted messages carry this send id (1 when a send happened exactly once).</summary>
    public int CountBySendId(string sendId)
    {
        lock (_gate)
        {
            return _accepted.Count(m => m.SendId == sendId);
        }
    }

    /// <summary>Sends to this number answer 400 with code 21610 (the recipient replied STOP).</summary>
    public void AddOptedOut(string number)
    {
        lock (_gate)
        {
            _optedOut.Add(number);
        }
    }

    /// <summary>Sends to this number answer 400 with code 21211 (as do numbers that are not E.164).</summary>
    public void AddInvalid(string number)
    {
        lock (_gate)
        {
            _invalid.Add(number);
        }
    }

    /// <summary>The next <paramref name="count"/> create requests fail with <paramref name="fault"/> (queued after earlier ones).</summary>
    public void FailNext(int count, FakeTwilioFault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _nextFaults.Enqueue(fault);
            }
        }
    }

    /// <summary>After any queued faults, each create request fails with probability <paramref name="fraction"/> (seeded, repeatable).</summary>
    public void FailFraction(double fraction, FakeTwilioFault fault, int seed)
    {
        lock (_gate)
        {
            _randomFaults = (fraction, fault, new Random(seed));
        }
    }

    /// <summary>Forgets accepted messages, faults, counters and the opted-out and invalid numbers.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _accepted.Clear();
            _optedOut.Clear();
            _invalid.Clear();
            _nextFaults.Clear();
            _randomFaults = null;
            Volatile.Write(ref _createRequests, 0);
            Volatile.Write(ref _listRequests, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    private async Task CreateAsync(HttpContext context, string accountSid)
    {
        Interlocked.Increment(ref _createRequests);
        if (Unauthorized(context, accountSid) is { } denied)
        {
            await denied.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var fault = NextFault();
        switch (fault)
        {
            case FakeTwilioFault.ServerError:
                await Error(500, 20500, "Internal Server Error").ExecuteAsync(context).ConfigureAwait(false);
                return;
            case FakeTwilioFault.TooManyRequests:
                await Error(429, 20429, "Too Many Requests").ExecuteAsync(context).ConfigureAwait(false);
                return;
            case FakeTwilioFault.Hang:
                await HangAsync(context).ConfigureAwait(false);
                return;
            case FakeTwilioFault.Drop:
                context.Abort();
                return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync().ConfigureAwait(false) : FormCollection.Empty;
        var (result, message) = Accept(form);
        if (fault == FakeTwilioFault.AcceptThenDrop && message is not null)
        {
            context.Abort();
            return;
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private (IResult Result, FakeTwilioMessage? Message) Accept(IFormCollection form)
    {
        var to = form["To"].ToString();
        var body = form["Body"].ToString();
        var from = NullIfEmpty(form["From"].ToString());
        var service = NullIfEmpty(form["MessagingServiceSid"].ToString());
        if (to.Length == 0)
        {
            return (Error(400, 21604, "A 'To' phone number is required."), null);
        }

        if (body.Length == 0)
        {
            return (Error(400, 21602, "Message body is required."), null);
        }

        if (from is null && service is null)
        {
            return (Error(400, 21603, "The 'From' phone number is required."), null);
        }

        var callback = NullIfEmpty(form["StatusCallback"].ToString());
        lock (_gate)
        {
            if (_invalid.Contains(to) || !E164().IsMatch(to))
            {
                return (Error(400, 21211, $"The 'To' number {to} is not a valid phone number."), null);
            }

            if (_optedOut.Contains(to))
            {
                return (Error(400, 21610, "Attempt to send to unsubscribed recipient"), null);
            }

            var message = new FakeTwilioMessage(
                "SM" + Guid.NewGuid().ToString("N"), SendIdOf(callback), to, from, service, body, callback, _timeProvider.GetUtcNow());
            _accepted.Add(message);
            return (Results.Json(FakeTwilioJson.Message(AccountSid, message), statusCode: 201), message);
        }
    }

    private IResult List(HttpContext context, string accountSid)
    {
        Interlocked.Increment(ref _listRequests);
        if (Unauthorized(context, accountSid) is { } denied)
        {
            return denied;
        }

        var query = context.Request.Query;
        var pageSize = int.TryParse(query["PageSize"], out var size) ? Math.Clamp(size, 1, 1000) : 50;
        List<FakeTwilioMessage> page;
        lock (_gate)
        {
            page = _accepted
                .Where(m => Matches(query["To"], m.To) && Matches(query["From"], m.From))
                .Reverse()
                .Take(pageSize)
                .ToList();
        }

        return Results.Json(FakeTwilioJson.Page(AccountSid, page, pageSize, context.Request.Path));
    }

    private IResult? Unauthorized(HttpContext context, string accountSid)
    {
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        var header = context.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter != expected)
        {
            return Error(401, 20003, "Authenticate");
        }

        return accountSid == AccountSid ? null : Error(404, 20404, "The requested resource was not found");
    }

    private FakeTwilioFault? NextFault()
    {
        lock (_gate)
        {
            if (_nextFaults.TryDequeue(out var fault))
            {
                return fault;
            }

            return _randomFaults is { } random && random.Random.NextDouble() < random.Fraction ? random.Fault : null;
        }
    }

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(FakeTwilioJson.Error(code, message, status), statusCode: status);

    private static string? SendIdOf(string? statusCallback)
    {
        if (statusCallback is null || !Uri.TryCreate(statusCallback, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return QueryHelpers.ParseQuery(uri.Query).TryGetValue("sendId", out var sendId) ? sendId.ToString() : null;
    }

    private static bool Matches(string? filter, string? value) => string.IsNullOrEmpty(filter) || filter == value;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
