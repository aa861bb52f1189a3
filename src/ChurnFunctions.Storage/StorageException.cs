using System.Net;

namespace ChurnFunctions.Storage;

/// <summary>
/// A storage request failed in a way the caller is not expected to handle (not a 404, 409 or 412, which come back as
/// typed results). The message names the service, operation, resource (table, queue or container), status, error code
/// and request id; it never holds a key, token, SAS, URL or entity key.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageException(string message, HttpStatusCode status, string? errorCode, string? requestId)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The service's error code, e.g. "InvalidInput" or "AuthorizationFailure".</summary>
    public string? ErrorCode { get; }

    /// <summary>x-ms-request-id, for the storage service's logs.</summary>
    public string? RequestId { get; }
}
