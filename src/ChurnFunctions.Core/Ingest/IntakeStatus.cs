namespace ChurnFunctions.Core.Ingest;

public enum IntakeStatus
{
    /// <summary>On the queue: answer 202.</summary>
    Accepted,

    /// <summary>A delivery that is acknowledged and stores nothing (WooCommerce's ping): answer 200.</summary>
    Acknowledged,
    TooLarge,
    UnsupportedMediaType,
    Unauthorized,
    Invalid,

    /// <summary>Storage could not take it: answer 503 so the platform retries.</summary>
    Unavailable,
}
