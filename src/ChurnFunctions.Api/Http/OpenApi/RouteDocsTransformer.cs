using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>
/// Writes <see cref="RouteDocs"/> into the generated document: each operation's summary, its query parameters and its
/// security (an open route says so with an empty requirement), and the keys and signatures as security schemes.
/// </summary>
public sealed class RouteDocsTransformer : IOpenApiDocumentTransformer
{
    private const string KeyHeader = "x-api-key";

    // The scheme naming each kind of auth; none for an open route or one whose token travels in the body.
    private static readonly Dictionary<RouteAuth, (string Name, string Header, string Description)> Schemes = new()
    {
        [RouteAuth.IngestKey] = ("ingestKey", KeyHeader, "An ingest key (Api__Keys)"),
        [RouteAuth.ReadKey] = ("readKey", KeyHeader, "A read key (Api__ReadKeys; Api__Keys while it is unset)"),
        [RouteAuth.AdminKey] = ("adminKey", KeyHeader, "An admin key (Api__AdminKeys)"),
        [RouteAuth.ShopifySignature] = ("shopifySignature", "X-Shopify-Hmac-Sha256", "Shopify's HMAC-SHA256 signature of the body"),
        [RouteAuth.WooCommerceSignature] = ("wooCommerceSignature", "X-WC-Webhook-Signature", "WooCommerce's HMAC-SHA256 signature of the body"),
        [RouteAuth.SquareSignature] = ("squareSignature", "x-square-hmacsha256-signature", "Square's HMAC-SHA256 signature of the notification URL and body"),
        [RouteAuth.SendGridSignature] = ("sendGridSignature", "X-Twilio-Email-Event-Webhook-Signature", "SendGrid's signature of the timestamp and body"),
        [RouteAuth.TwilioSignature] = ("twilioSignature", "X-Twilio-Signature", "Twilio's signature of the URL and form fields"),
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, header, description) in Schemes.Values)
        {
            document.Components.SecuritySchemes[name] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = header,
                Description = description,
            };
        }

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.OperationId is { } id && RouteDocs.ByTrigger.TryGetValue(id, out var doc))
            {
                Describe(operation, doc, document);
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, RouteDoc doc, OpenApiDocument document)
    {
        operation.Summary = doc.Summary;
        if (doc.Auth == RouteAuth.SurveyToken)
        {
            operation.Description = "No key: the body carries the signed token of the customer's survey link.";
        }

        operation.Security = doc.Auth switch
        {
            RouteAuth.ReadOrAdminKey => [Requirement(RouteAuth.ReadKey, document), Requirement(RouteAuth.AdminKey, document)],
            _ when Schemes.ContainsKey(doc.Auth) => [Requirement(doc.Auth, document)],
            _ => [new OpenApiSecurityRequirement()],
        };

        if (doc.Query.Count > 0)
        {
            operation.Parameters ??= [];
            foreach (var query in doc.Query)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = query.Name,
                    In = ParameterLocation.Query,
                    Required = query.Required,
                    Description = query.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    private static OpenApiSecurityRequirement Requirement(RouteAuth auth, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(Schemes[auth].Name, document)] = [] };
}
