using System.Net;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// The outcome of an entity group transaction. It is all or nothing: when <see cref="Succeeded"/> is false nothing was
/// written, and <see cref="FailedIndex"/> names the operation that failed with <see cref="FailedStatus"/> (409, 412
/// or 404; other failures throw <see cref="StorageException"/>). A retried batch that succeeded the first time comes
/// back failed with 409 on its first insert.
/// </summary>
public sealed record TableBatchResult(bool Succeeded, int? FailedIndex, TableWriteStatus FailedStatus, string? ErrorCode)
{
    public static TableBatchResult Success { get; } = new(true, null, TableWriteStatus.Success, null);

    internal static TableWriteStatus StatusOf(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Conflict => TableWriteStatus.Conflict,
        HttpStatusCode.PreconditionFailed => TableWriteStatus.PreconditionFailed,
        HttpStatusCode.NotFound => TableWriteStatus.NotFound,
        _ => TableWriteStatus.Success,
    };
}
