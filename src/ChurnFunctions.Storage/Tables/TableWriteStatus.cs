namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// How a table write ended when it did not throw. A retried insert that succeeded the first time comes back
/// <see cref="Conflict"/>, and a retried conditional update <see cref="PreconditionFailed"/>: callers that must
/// tell "mine" from "someone else's" read the entity back.
/// </summary>
public enum TableWriteStatus
{
    Success,

    /// <summary>409: the entity (or table) exists already.</summary>
    Conflict,

    /// <summary>412: the ETag given in If-Match no longer matches.</summary>
    PreconditionFailed,

    /// <summary>404: no such entity (update or delete).</summary>
    NotFound,
}
