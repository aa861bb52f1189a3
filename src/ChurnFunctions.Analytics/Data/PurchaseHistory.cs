namespace ChurnFunctions.Analytics.Data;

/// <summary>
/// Every customer's distinct purchase days, struct-of-arrays in compressed-row form: customer c owns
/// <c>Days[Offsets[c]..Offsets[c + 1]]</c>, ascending, with the day's summed spend in <see cref="Amounts"/>.
/// Same-day purchases are already merged (the lifetimes definition of a transaction at day resolution).
/// 10 million purchase days cost 12 bytes each plus 12 bytes per customer.
/// </summary>
public sealed class PurchaseHistory
{
    public PurchaseHistory(long[] customerIds, int[] offsets, int[] days, double[] amounts, bool hasAmounts)
    {
        if (offsets.Length != customerIds.Length + 1) throw new ArgumentException("Offsets need one entry per customer plus one.", nameof(offsets));
        if (days.Length != amounts.Length || offsets[^1] != days.Length) throw new ArgumentException("Days and amounts must match the offsets.", nameof(days));
        CustomerIds = customerIds;
        Offsets = offsets;
        Days = days;
        Amounts = amounts;
        HasAmounts = hasAmounts;
    }

    /// <summary>External customer id per dense customer index.</summary>
    public long[] CustomerIds { get; }

    /// <summary>Start of each customer's run in <see cref="Days"/>; length customers + 1.</summary>
    public int[] Offsets { get; }

    /// <summary>Purchase days as <see cref="DateOnly.DayNumber"/>, ascending within a customer.</summary>
    public int[] Days { get; }

    /// <summary>Spend per purchase day (0 when the source had no amounts).</summary>
    public double[] Amounts { get; }

    /// <summary>False when the source carried no amounts: spend models are then skipped.</summary>
    public bool HasAmounts { get; }

    public int CustomerCount => CustomerIds.Length;

    public int PurchaseDayCount => Days.Length;

    public ReadOnlySpan<int> DaysOf(int customer) => Days.AsSpan(Offsets[customer], Offsets[customer + 1] - Offsets[customer]);

    public ReadOnlySpan<double> AmountsOf(int customer) => Amounts.AsSpan(Offsets[customer], Offsets[customer + 1] - Offsets[customer]);
}
