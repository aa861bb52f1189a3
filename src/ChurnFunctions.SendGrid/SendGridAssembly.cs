namespace ChurnFunctions.SendGrid;

internal static class SendGridAssembly;
