namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The frequency cap of one recipient on one channel (<see cref="Key"/>, from <see cref="FrequencyCaps.KeyFor"/>):
/// the send that holds it (<see cref="Holder"/>, a send id) and until when (<see cref="HeldUntil"/>: the end of the
/// cap window that send opened), and when a send on it last went out.
/// </summary>
public sealed record ChannelReservation(string Key, string? Holder, DateTimeOffset? HeldUntil, DateTimeOffset? LastSentAt);
