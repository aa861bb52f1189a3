namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>A fault the fake applies to a request instead of (or before) handling it.</summary>
public sealed record FakeSendGridFault(FakeSendGridFaultKind Kind, TimeSpan? RetryAfter = null, TimeSpan? Delay = null)
{
    public static FakeSendGridFault ServerError { get; } = new(FakeSendGridFaultKind.ServerError);

    public static FakeSendGridFault DropConnection { get; } = new(FakeSendGridFaultKind.DropConnection);

    public static FakeSendGridFault AcceptThenDrop { get; } = new(FakeSendGridFaultKind.AcceptThenDrop);

    /// <summary>429; Retry-After is sent in whole seconds (rounded up), as the header allows no fraction.</summary>
    public static FakeSendGridFault TooManyRequests(TimeSpan retryAfter) => new(FakeSendGridFaultKind.TooManyRequests, RetryAfter: retryAfter);

    public static FakeSendGridFault Slow(TimeSpan delay) => new(FakeSendGridFaultKind.Delay, Delay: delay);
}
