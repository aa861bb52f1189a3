namespace ChurnFunctions.Core.Domain;

public enum SalesChannel
{
    Online,
    Pos,
}
