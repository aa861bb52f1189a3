namespace ChurnFunctions.Core.Ingest;

/// <summary>What an x-api-key opens; each scope has its own setting in <see cref="ApiOptions"/>.</summary>
public enum ApiKeyScope
{
    /// <summary>Sending sales: the POS and import routes (<c>Api__Keys</c>).</summary>
    Ingest,

    /// <summary>The routes that show customer data (<c>Api__ReadKeys</c>, the ingest keys while it is unset).</summary>
    Read,

    /// <summary>Export and erasure of a customer's data (<c>Api__AdminKeys</c>; while unset, refused).</summary>
    Admin,
}
