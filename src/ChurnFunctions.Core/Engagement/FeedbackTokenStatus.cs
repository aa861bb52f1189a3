namespace ChurnFunctions.Core.Engagement;

public enum FeedbackTokenStatus
{
    Valid,

    /// <summary>Not a token at all (missing, wrong shape, not base64url): a 400.</summary>
    Malformed,

    /// <summary>Well formed but not signed with our key: a 401.</summary>
    BadSignature,

    /// <summary>Signed by us but past its expiry: a 401.</summary>
    Expired,

    /// <summary>No signing key is configured, so nothing can be verified: a 401 (fail closed).</summary>
    NotConfigured,
}
