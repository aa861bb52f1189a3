namespace ChurnFunctions.Core.Sources.Csv;

/// <summary>Where each known column sits in the header; -1 when absent. Names are matched case-insensitively.</summary>
internal sealed record CsvColumns(
    int CustomerId, int Email, int Phone, int OrderId, int OccurredAt, int Amount, int Currency, int Category,
    int Sku, int Quantity, int Channel, int Location, int Kind)
{
    /// <summary>Null when the header is usable, else what is wrong with it.</summary>
    public static string? TryCreate(IReadOnlyList<string> header, out CsvColumns columns)
    {
        int Find(string name)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        columns = new CsvColumns(
            Find("customer_id"), Find("email"), Find("phone"), Find("order_id"), Find("occurred_at"), Find("amount"),
            Find("currency"), Find("category"), Find("sku"), Find("quantity"), Find("channel"), Find("location"), Find("kind"));

        var missing = new List<string>();
        if (columns.OccurredAt < 0)
        {
            missing.Add("occurred_at");
        }

        if (columns.Amount < 0)
        {
            missing.Add("amount");
        }

        if (columns is { CustomerId: < 0, Email: < 0, Phone: < 0 })
        {
            missing.Add("one of customer_id, email, phone");
        }

        return missing.Count == 0 ? null : "Missing column(s): " + string.Join(", ", missing) + ".";
    }
}
