using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.Shopify;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>The ingest routes: read the raw body and headers, hand them to <see cref="WebhookIntake"/>, map its verdict.</summary>
public sealed class IngestEndpoints(WebhookIntake intake, ShopifyPrivacyWebhook shopifyPrivacy)
{
    // Shopify sends its mandatory privacy topics to the same URL; they are handled now, not queued as orders.
    public Task<IResult> ShopifyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ShopifyPrivacyWebhook.Handles(request.Headers[ShopifyNormalizer.TopicHeader].ToString())
            ? ShopifyPrivacyAsync(request, cancellationToken)
            : AcceptAsync(SourceNames.Shopify, request, cancellationToken);

    public Task<IResult> WooCommerceAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AcceptAsync(SourceNames.WooCommerce, request, cancellationToken);

    public Task<IResult> SquareAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AcceptAsync(SourceNames.Square, request, cancellationToken);

    public Task<IResult> PosAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AcceptAsync(SourceNames.Pos, request, cancellationToken);

    private async Task<IResult> ShopifyPrivacyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, intake.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {intake.MaxBodyBytes} bytes.");
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await shopifyPrivacy.HandleAsync(headers, body.Value, cancellationToken);
        return result.Status switch
        {
            StatusCodes.Status200OK => TypedResults.Ok(new { status = "done" }),
            StatusCodes.Status401Unauthorized => Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", result.Detail),
            StatusCodes.Status400BadRequest => Problems.Validation(new Dictionary<string, string[]> { [result.Field ?? "body"] = [result.Detail ?? "Invalid."] }),
            _ => Problems.Unavailable(result.Detail ?? "Try again later.", 3600),
        };
    }

    private async Task<IResult> AcceptAsync(string source, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, intake.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {intake.MaxBodyBytes} bytes.");
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await intake.AcceptAsync(source, request.ContentType, headers, body.Value, cancellationToken);
        return result.Status switch
        {
            IntakeStatus.Accepted => TypedResults.Json(new { status = "accepted" }, statusCode: StatusCodes.Status202Accepted),
            IntakeStatus.Acknowledged => TypedResults.Ok(new { status = "acknowledged" }),
            IntakeStatus.TooLarge => Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", result.Detail),
            IntakeStatus.UnsupportedMediaType => Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", result.Detail),
            IntakeStatus.Unauthorized => Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", result.Detail),
            IntakeStatus.Invalid => Problems.Validation(result.Errors ?? new Dictionary<string, string[]>(), result.Detail),
            _ => Problems.Unavailable(result.Detail ?? "Try again later."),
        };
    }
}
