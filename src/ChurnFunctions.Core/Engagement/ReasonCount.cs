namespace ChurnFunctions.Core.Engagement;

public sealed record ReasonCount(string Reason, int Count, double Share);
