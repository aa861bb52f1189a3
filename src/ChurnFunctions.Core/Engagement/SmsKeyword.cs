namespace ChurnFunctions.Core.Engagement;

/// <summary>What an inbound SMS means for consent.</summary>
public enum SmsKeyword
{
    None,
    OptOut,
    OptIn,
}
