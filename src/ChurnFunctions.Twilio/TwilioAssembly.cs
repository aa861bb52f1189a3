namespace ChurnFunctions.Twilio;

internal static class TwilioAssembly;
