using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Business;

/// <summary>Builds the <see cref="CohortRetentionMatrix"/>; purchases after the as-of day are ignored.</summary>
public static class CohortRetentionCalculator
{
    public static CohortRetentionMatrix Compute(PurchaseHistory history, DateOnly asOf)
    {
        var asOfDay = asOf.DayNumber;
        var asOfMonth = MonthIndex(asOf);
        var firstMonth = int.MaxValue;
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length > 0 && days[0] <= asOfDay) firstMonth = Math.Min(firstMonth, MonthIndex(DateOnly.FromDayNumber(days[0])));
        }

        if (firstMonth == int.MaxValue) return new CohortRetentionMatrix([], [], []);
        var cohorts = asOfMonth - firstMonth + 1;
        var sizes = new int[cohorts];
        var counts = new int[cohorts][];
        for (var k = 0; k < cohorts; k++) counts[k] = new int[cohorts - k];
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length == 0 || days[0] > asOfDay) continue;
            var cohort = MonthIndex(DateOnly.FromDayNumber(days[0])) - firstMonth;
            sizes[cohort]++;
            var lastOffset = -1;
            foreach (var day in days)
            {
                if (day > asOfDay) break;
                var offset = MonthIndex(DateOnly.FromDayNumber(day)) - firstMonth - cohort;
                if (offset == lastOffset) continue; // count a customer once per month
                counts[cohort][offset]++;
                lastOffset = offset;
            }
        }

        var months = new DateOnly[cohorts];
        var retention = new IReadOnlyList<double>[cohorts];
        for (var k = 0; k < cohorts; k++)
        {
            months[k] = new DateOnly((firstMonth + k) / 12, (firstMonth + k) % 12 + 1, 1);
            var row = new double[counts[k].Length];
            for (var m = 0; m < row.Length; m++) row[m] = sizes[k] == 0 ? double.NaN : (double)counts[k][m] / sizes[k];
            retention[k] = row;
        }

        return new CohortRetentionMatrix(months, sizes, retention);
    }

    private static int MonthIndex(DateOnly date) => date.Year * 12 + date.Month - 1;
}
