namespace ChurnFunctions.Core.Ingest;

public enum SignatureCheck
{
    Valid,
    Missing,
    Invalid,

    /// <summary>The delivery is unsigned by design (WooCommerce's creation ping) and must be acknowledged, not stored.</summary>
    UnsignedPing,
}
