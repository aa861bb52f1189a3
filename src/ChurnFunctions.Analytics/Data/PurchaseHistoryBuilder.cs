namespace ChurnFunctions.Analytics.Data;

/// <summary>
/// Collects raw (customer, day, amount) rows in growable arrays, then <see cref="Build"/> groups them by
/// customer with a counting sort, sorts each customer's days and merges same-day rows. O(rows) apart from
/// the per-customer sorts, which are tiny and usually skipped because sources arrive in date order.
/// </summary>
public sealed class PurchaseHistoryBuilder
{
    private readonly Dictionary<long, int> _index;
    private readonly bool _hasAmounts;
    private long[] _ids;
    private int[] _customer;
    private int[] _day;
    private double[] _amount;
    private int _count;
    private long _lastId;
    private int _lastCustomer;

    public PurchaseHistoryBuilder(bool hasAmounts = true, int expectedRows = 1024, int expectedCustomers = 256)
    {
        _hasAmounts = hasAmounts;
        _index = new Dictionary<long, int>(expectedCustomers);
        _ids = new long[Math.Max(expectedCustomers, 16)];
        _customer = new int[Math.Max(expectedRows, 16)];
        _day = new int[_customer.Length];
        _amount = new double[_customer.Length];
    }

    public int RowCount => _count;

    public int CustomerCount => _index.Count;

    public void Add(long customerId, DateOnly date, double amount = 0) => Add(customerId, date.DayNumber, amount);

    public void Add(long customerId, int dayNumber, double amount = 0)
    {
        // Exports are usually grouped by customer: skip the hash lookup while the id repeats.
        int customer;
        if (customerId == _lastId && _count > 0) customer = _lastCustomer;
        else if (!_index.TryGetValue(customerId, out customer))
        {
            customer = _index.Count;
            if (customer == _ids.Length) Array.Resize(ref _ids, _ids.Length * 2);
            _ids[customer] = customerId;
            _index.Add(customerId, customer);
        }

        if (_count == _customer.Length)
        {
            var size = _customer.Length * 2;
            Array.Resize(ref _customer, size);
            Array.Resize(ref _day, size);
            Array.Resize(ref _amount, size);
        }

        _lastId = customerId;
        _lastCustomer = customer;
        _customer[_count] = customer;
        _day[_count] = dayNumber;
        _amount[_count] = amount;
        _count++;
    }

    public PurchaseHistory Build()
    {
        var customers = _index.Count;
        var offsets = new int[customers + 1];
        for (var i = 0; i < _count; i++) offsets[_customer[i] + 1]++;
        for (var c = 0; c < customers; c++) offsets[c + 1] += offsets[c];

        int[] days;
        double[] amounts;
        if (IsGroupedByCustomer())
        {
            // Rows already arrive customer by customer: the columns are in place, no scatter copy needed.
            days = _day;
            amounts = _amount;
        }
        else
        {
            days = new int[_count];
            amounts = new double[_count];
            var cursor = (int[])offsets.Clone();
            for (var i = 0; i < _count; i++)
            {
                var at = cursor[_customer[i]]++;
                days[at] = _day[i];
                amounts[at] = _amount[i];
            }
        }

        var write = 0;
        var start = 0;
        for (var c = 0; c < customers; c++)
        {
            var end = offsets[c + 1];
            if (!IsSorted(days, start, end)) Array.Sort(days, amounts, start, end - start);
            offsets[c] = write;
            for (var i = start; i < end; i++)
            {
                if (write > offsets[c] && days[write - 1] == days[i]) amounts[write - 1] += amounts[i];
                else
                {
                    days[write] = days[i];
                    amounts[write] = amounts[i];
                    write++;
                }
            }

            start = end;
        }

        offsets[customers] = write;
        Array.Resize(ref days, write);
        Array.Resize(ref amounts, write);
        // The builder is spent: drop the row buffers (the columns may have been handed on).
        _customer = _day = [];
        _amount = [];
        _count = 0;
        _index.Clear();
        return new PurchaseHistory(_ids[..customers], offsets, days, amounts, _hasAmounts);
    }

    private bool IsGroupedByCustomer()
    {
        // Dense indices are handed out in order of first appearance, so grouped input is non-decreasing.
        for (var i = 1; i < _count; i++)
            if (_customer[i] < _customer[i - 1]) return false;
        return true;
    }

    private static bool IsSorted(int[] days, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
            if (days[i] < days[i - 1]) return false;
        return true;
    }
}
