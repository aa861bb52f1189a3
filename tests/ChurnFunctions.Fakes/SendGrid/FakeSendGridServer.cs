using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>
/// A fake SendGrid v3 Mail Send API on 127.0.0.1 (a Kestrel app on a free port). POST /v3/mail/send checks the
/// Bearer key and the JSON shape (400 with SendGrid's error body when invalid), answers 202 with a unique
/// X-Message-Id and records the message. Faults (<see cref="FailNext"/>, <see cref="FailFraction"/>) stand in for
/// SendGrid's 500s, 429s, slow responses and lost connections. Thread-safe.
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    public const string DefaultApiKey = "SG.fake-api-key";
    public const string MailSendPath = "/v3/mail/send";

    private static readonly JsonSerializerOptions ErrorJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    private readonly WebApplication _app;
    private readonly string _apiKey;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly List<FakeSendGridMessage> _accepted = [];
    private readonly Queue<FakeSendGridFault> _nextFaults = new();
    private FractionFault? _fractionFault;
    private long _messageSequence;
    private int _requestCount;
    private int _disposed;

    private FakeSendGridServer(WebApplication app, string apiKey, TimeProvider timeProvider, Uri baseUrl)
    {
        _app = app;
        _apiKey = apiKey;
        _timeProvider = timeProvider;
        BaseUrl = baseUrl;
    }

    /// <summary>The root to configure as SendGrid's base URL, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseUrl { get; }

    public string ApiKey => _apiKey;

    /// <summary>Every request that reached /v3/mail/send, faulted or not.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>The accepted messages, in order of acceptance (a snapshot).</summary>
    public IReadOnlyList<FakeSendGridMessage> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public static async Task<FakeSendGridServer> StartAsync(
        string apiKey = DefaultApiKey, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeSendGridServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        FakeSendGridServer? server = null;
        app.MapPost(MailSendPath, context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new FakeSendGridServer(app, apiKey, timeProvider ?? TimeProvider.System, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>How many accepted messages carry this send_id (more than one means SendGrid would send it twice).</summary>
    public int CountBySendId(string sendId)
    {
        lock (_gate)
        {
            return _accepted.Count(m => m.SendId == sendId);
        }
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="fault"/> (queued after earlier FailNext calls).</summary>
    public void FailNext(int count, FakeSendGridFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _nextFaults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// Each request not taken by <see cref="FailNext"/> gets <paramref name="fault"/> with probability
    /// <paramref name="fraction"/>, drawn from a generator seeded with <paramref name="seed"/> (repeatable in request order).
    /// </summary>
    public void FailFraction(double fraction, FakeSendGridFault fault, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _fractionFault = new FractionFault(fraction, fault, new Random(seed));
        }
    }

    /// <summary>Forgets accepted messages, the request count and every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _accepted.Clear();
            _nextFaults.Clear();
            _fractionFault = null;
            _requestCount = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var fault = TakeFault();
        switch (fault?.Kind)
        {
            case FakeSendGridFaultKind.ServerError:
                await WriteErrorsAsync(context, StatusCodes.Status500InternalServerError, [new WireError("internal error", null, null)]).ConfigureAwait(false);
                return;
            case FakeSendGridFaultKind.TooManyRequests:
                var seconds = (long)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteErrorsAsync(context, StatusCodes.Status429TooManyRequests, [new WireError("too many requests", null, null)]).ConfigureAwait(false);
                return;
            case FakeSendGridFaultKind.DropConnection:
                context.Abort();
                return;
            case FakeSendGridFaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
        }

        var accepted = await AcceptAsync(context).ConfigureAwait(false);
        if (accepted is null)
        {
            return;
        }

        if (fault?.Kind == FakeSendGridFaultKind.AcceptThenDrop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["X-Message-Id"] = accepted.MessageId;
    }

    /// <summary>Checks auth and shape; records and returns the message, or writes the error response and returns null.</summary>
    private async Task<FakeSendGridMessage?> AcceptAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + _apiKey)
        {
            await WriteErrorsAsync(context, StatusCodes.Status401Unauthorized,
                [new WireError("The provided authorization grant is invalid, expired, or revoked", null, null)]).ConfigureAwait(false);
            return null;
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, [new WireError("Bad Request", null, null)]).ConfigureAwait(false);
            return null;
        }

        using (document)
        {
            var errors = MailSendValidator.Validate(document.RootElement);
            if (errors.Count > 0)
            {
                await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors).ConfigureAwait(false);
                return null;
            }

            var message = Record(document.RootElement, authorization, body);
            lock (_gate)
            {
                _accepted.Add(message);
            }

            return message;
        }
    }

    private FakeSendGridMessage Record(JsonElement root, string authorization, string body)
    {
        var personalization = root.GetProperty("personalizations")[0];
        var to = personalization.GetProperty("to").EnumerateArray().Select(r => r.GetProperty("email").GetString()!).ToList();
        var sendId = personalization.TryGetProperty("custom_args", out var args) ? MailSendValidator.StringOrNull(args, "send_id") : null;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (personalization.TryGetProperty("dynamic_template_data", out var templateData) && templateData.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in templateData.EnumerateObject())
            {
                data[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        var categories = root.TryGetProperty("categories", out var list)
            ? list.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [];
        int? groupId = root.TryGetProperty("asm", out var asm) ? asm.GetProperty("group_id").GetInt32() : null;

        return new FakeSendGridMessage(
            NewMessageId(),
            sendId,
            to,
            root.GetProperty("from").GetProperty("email").GetString()!,
            MailSendValidator.StringOrNull(root, "template_id"),
            MailSendValidator.StringOrNull(root, "subject"),
            data,
            categories,
            groupId,
            authorization,
            body,
            _timeProvider.GetUtcNow());
    }

    /// <summary>22 characters of URL-safe base64, like SendGrid's X-Message-Id; unique per server.</summary>
    private string NewMessageId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Interlocked.Increment(ref _messageSequence));
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private FakeSendGridFault? TakeFault()
    {
        lock (_gate)
        {
            if (_nextFaults.TryDequeue(out var next))
            {
                return next;
            }

            return _fractionFault is { } random && random.Random.NextDouble() < random.Fraction ? random.Fault : null;
        }
    }

    private static async Task WriteErrorsAsync(HttpContext context, int status, IReadOnlyList<WireError> errors)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { errors }, ErrorJson), context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record FractionFault(double Fraction, FakeSendGridFault Fault, Random Random);
}
