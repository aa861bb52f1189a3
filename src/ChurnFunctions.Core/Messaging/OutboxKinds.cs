namespace ChurnFunctions.Core.Messaging;

public static class OutboxKinds
{
    public const string Alert = "alert";
    public const string Campaign = "campaign";

    public static bool IsKnown(string kind) => kind is Alert or Campaign;
}
