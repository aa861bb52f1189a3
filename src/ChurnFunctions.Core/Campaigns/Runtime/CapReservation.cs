using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// What <see cref="FrequencyCaps.ReserveAsync"/> got: the channel is busy until <see cref="BusyUntil"/>, or it is this
/// send's, with the row as written (<see cref="Held"/>, null when no cap applies) so the outcome is recorded with one
/// conditional write instead of a read and a write.
/// </summary>
public sealed record CapReservation(DateTimeOffset? BusyUntil, Versioned<ChannelReservation>? Held)
{
    public static CapReservation Free { get; } = new(null, null);
}
