namespace ChurnFunctions.Core.Campaigns;

public enum EmailEventKind
{
    Delivered,
    Opened,
    Clicked,
    BouncedHard,
    SpamReport,
    Unsubscribed,
}
