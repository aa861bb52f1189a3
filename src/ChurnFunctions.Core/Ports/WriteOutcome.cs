namespace ChurnFunctions.Core.Ports;

public enum WriteOutcome
{
    Written,

    /// <summary>The transaction's key is stored already: this delivery was seen before. Nothing was written.</summary>
    Duplicate,

    /// <summary>The record changed since it was read (412), or was created meanwhile (409). Nothing was written.</summary>
    Conflict,
}
