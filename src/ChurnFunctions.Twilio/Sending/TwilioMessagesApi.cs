using System.Net;
using System.Runtime.ExceptionServices;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using HttpClient = System.Net.Http.HttpClient;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// The two calls the sender makes, through the Twilio package: <see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>
/// and <see cref="MessageResource.ReadAsync(ReadMessageOptions, ITwilioRestClient)"/>, on a <see cref="TwilioRestClient"/>
/// over the project's HttpClient (a <see cref="SystemNetHttpClient"/>). No retries here; the SDK makes none either.
/// </summary>
internal sealed class TwilioMessagesApi(TwilioOptions options, Func<HttpClient> httpClient)
{
    /// <summary>How many recent messages to the recipient a lookup reads: one page, never more.</summary>
    public const int LookupPageSize = 50;

    /// <summary>Creates the message: its resource, or the error Twilio answered with. Transport failures are thrown as they came.</summary>
    public async Task<CreateOutcome> CreateAsync(CreateMessageOptions message, CancellationToken cancellationToken)
    {
        var context = TwilioCallContext.Begin(cancellationToken);
        try
        {
            var created = await MessageResource.CreateAsync(message, Client()).ConfigureAwait(false);
            return new CreateOutcome(HttpStatus(context, 201), created, null, null, null);
        }
        catch (ApiException ex)
        {
            return new CreateOutcome(HttpStatus(context, ex.Status), null, ex.Code == 0 ? null : ex.Code, ex.MoreInfo, context.RetryAfter);
        }
        catch (Exception ex) when (context.StatusCode is { } status && (int)status is >= 200 and < 300 && !IsTransport(ex))
        {
            // Twilio answered 2xx with a body the SDK could not read: the message exists, its sid is unknown.
            return new CreateOutcome((int)status, null, null, null, null);
        }
        catch (ApiConnectionException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(Unwrap(inner));
            throw;
        }
    }

    /// <summary>The newest messages to <paramref name="to"/> (from <paramref name="from"/> when given), or null with the HTTP status when the list failed.</summary>
    public async Task<(IReadOnlyList<TwilioMessageResource>? Messages, int HttpStatus)> ListRecentAsync(
        string to, string? from, CancellationToken cancellationToken)
    {
        var context = TwilioCallContext.Begin(cancellationToken);
        var read = new ReadMessageOptions
        {
            To = new PhoneNumber(to),
            From = from is null ? null : new PhoneNumber(from),
            PageSize = LookupPageSize,
            Limit = LookupPageSize,
        };
        try
        {
            var page = await MessageResource.ReadAsync(read, Client()).ConfigureAwait(false);
            return (page.Select(TwilioMessageResource.From).ToList(), HttpStatus(context, 200));
        }
        catch (ApiException ex)
        {
            return (null, HttpStatus(context, ex.Status));
        }
        catch (ApiConnectionException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(Unwrap(inner));
            throw;
        }
    }

    /// <summary>The status the handler saw; the SDK's own only when no answer came through it.</summary>
    private static int HttpStatus(TwilioCallContext context, int fallback) => context.StatusCode is { } status ? (int)status : fallback;

    private static bool IsTransport(Exception exception) =>
        exception is ApiConnectionException or HttpRequestException or OperationCanceledException or IOException;

    /// <summary>The transport failure itself, so the sender tells a refused connection from a lost answer or a timeout.</summary>
    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;

    private TwilioRestClient Client() => new(
        options.AccountSid!, options.AuthToken!, accountSid: null, region: null, httpClient: new SystemNetHttpClient(httpClient()));
}
