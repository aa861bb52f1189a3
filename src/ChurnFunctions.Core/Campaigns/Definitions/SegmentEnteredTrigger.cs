namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer enters a segment, e.g. "at-risk".</summary>
public sealed record SegmentEnteredTrigger(string Segment) : CampaignTrigger;
