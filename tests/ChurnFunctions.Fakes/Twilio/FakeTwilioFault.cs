namespace ChurnFunctions.Fakes.Twilio;

/// <summary>How the fake answers a create-message request it was told to fail.</summary>
public enum FakeTwilioFault
{
    /// <summary>500 with Twilio's error JSON (code 20500); nothing is recorded.</summary>
    ServerError,

    /// <summary>429 with code 20429 (Twilio never processes these); nothing is recorded.</summary>
    TooManyRequests,

    /// <summary>Never answers until the client gives up (or the server stops); nothing is recorded.</summary>
    Hang,

    /// <summary>Aborts the connection before doing anything; nothing is recorded.</summary>
    Drop,

    /// <summary>Validates and records the message as accepted, then aborts the connection instead of answering 201.</summary>
    AcceptThenDrop,
}
