using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Queues;

/// <summary>
/// One queue, over the Queue service REST API. Message text is UTF-8, base64-encoded on the wire exactly as the
/// Functions queue trigger reads it with messageEncoding base64, and decoded on receive (a message that is not
/// base64, put there by another writer, is returned as it is). 404 on delete comes back as false.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The largest message the service takes, counted as the base64 text: 48 KiB of UTF-8 before encoding.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private readonly StorageHttp _http;

    internal QueueClient(StorageHttp http, string queueName)
    {
        _http = http;
        Name = queueName;
        QueueUri = new Uri($"{http.Connection.GetEndpoint(StorageService.Queue)}/{queueName}");
    }

    public string Name { get; }

    internal Uri QueueUri { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Put, QueueUri);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.Conflict))
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteQueueAsync(CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Delete, QueueUri);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Puts a message that never expires (messagettl=-1), invisible for <paramref name="visibilityDelay"/> if given.
    /// Returns the message id. A retried put may store the message twice: consumers must be idempotent anyway.
    /// </summary>
    public async Task<string> SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedLength)
        {
            throw new ArgumentException($"The message is {encoded.Length} characters once base64-encoded; a queue message holds {MaxEncodedLength}.", nameof(text));
        }

        var query = "?messagettl=-1" + (visibilityDelay is { } delay ? "&visibilitytimeout=" + Seconds(delay) : string.Empty);
        var body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>{encoded}</MessageText></QueueMessage>");
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Post, new Uri($"{QueueUri}/messages{query}"))
        {
            Body = body,
            ContentType = "application/xml",
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return document.Root?.Element("QueueMessage")?.Element("MessageId")?.Value ?? string.Empty;
    }

    /// <summary>Takes up to <paramref name="maxMessages"/> (1 to 32) messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var uri = new Uri($"{QueueUri}/messages?numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}&visibilitytimeout={Seconds(visibilityTimeout)}");
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Get, uri);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return document.Root?.Elements("QueueMessage").Select(Read).ToList() ?? [];
    }

    /// <summary>Deletes a received message; false when it is gone already (or the pop receipt is stale).</summary>
    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Delete, MessageUri(messageId, popReceipt, null));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> more; returns the new pop receipt.</summary>
    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Put, MessageUri(messageId, popReceipt, visibilityTimeout));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        return response.Headers.TryGetValues("x-ms-popreceipt", out var values) ? values.First() : popReceipt;
    }

    /// <summary>Removes every message.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Delete, new Uri($"{QueueUri}/messages"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service's approximate count of messages (visible or not).</summary>
    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Queue, HttpMethod.Get, new Uri($"{QueueUri}?comp=metadata"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        return response.Headers.TryGetValues("x-ms-approximate-messages-count", out var values)
            ? int.Parse(values.First(), CultureInfo.InvariantCulture)
            : 0;
    }

    internal static string Decode(string wireText)
    {
        var buffer = new byte[wireText.Length];
        return Convert.TryFromBase64String(wireText, buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : wireText;
    }

    private static QueueMessage Read(XElement element) => new(
        element.Element("MessageId")?.Value ?? string.Empty,
        element.Element("PopReceipt")?.Value ?? string.Empty,
        long.Parse(element.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
        Decode(element.Element("MessageText")?.Value ?? string.Empty),
        element.Element("InsertionTime")?.Value is { } inserted
            ? DateTimeOffset.Parse(inserted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null);

    private static string Seconds(TimeSpan span) =>
        ((long)Math.Ceiling(Math.Max(0, span.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    private Uri MessageUri(string messageId, string popReceipt, TimeSpan? visibility) =>
        new($"{QueueUri}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}"
            + (visibility is { } v ? "&visibilitytimeout=" + Seconds(v) : string.Empty));
}
