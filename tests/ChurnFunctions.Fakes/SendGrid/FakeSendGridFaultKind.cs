namespace ChurnFunctions.Fakes.SendGrid;

public enum FakeSendGridFaultKind
{
    /// <summary>500 with a SendGrid-style error body.</summary>
    ServerError,

    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>Waits before handling the request normally (longer than the client timeout to simulate one).</summary>
    Delay,

    /// <summary>Aborts the connection without a response; nothing is recorded.</summary>
    DropConnection,

    /// <summary>Validates and records the message, then aborts the connection: SendGrid sent it, the client never heard.</summary>
    AcceptThenDrop,
}
