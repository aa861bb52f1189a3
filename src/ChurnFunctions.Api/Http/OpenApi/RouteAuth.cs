namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>Who may call a route, as its handler checks it; the OpenAPI document states it as security requirements.</summary>
public enum RouteAuth
{
    /// <summary>Open: health, the document itself, the dashboard's files, the campaign schema.</summary>
    None,

    /// <summary>x-api-key of Api__Keys (sales in).</summary>
    IngestKey,

    /// <summary>x-api-key of Api__ReadKeys (Api__Keys while unset).</summary>
    ReadKey,

    /// <summary>Either a read key or an admin key (a call's outcome).</summary>
    ReadOrAdminKey,

    /// <summary>x-api-key of Api__AdminKeys only.</summary>
    AdminKey,

    ShopifySignature,
    WooCommerceSignature,
    SquareSignature,
    SendGridSignature,
    TwilioSignature,

    /// <summary>No key: the body carries the signed token of the survey link.</summary>
    SurveyToken,
}
