namespace ChurnFunctions.Core.Domain;

public enum TransactionKind
{
    Purchase,
    Refund,
}
