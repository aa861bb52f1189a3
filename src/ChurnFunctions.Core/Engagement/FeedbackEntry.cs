using System.Text.Json.Serialization;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Engagement;

/// <summary>One exit-survey answer. <see cref="Text"/> is the customer's own words: never log it.</summary>
public sealed record FeedbackEntry(
    string CustomerId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ChurnReason>))] ChurnReason Reason,
    string? Text,
    DateTimeOffset At);
