namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// Customer lifetime value as lifetimes computes it: for months k = 1..K,
/// CLV = sum_k spend * (E[N(k w)] - E[N((k-1) w)]) / (1 + d)^k,
/// where E[N(t)] is the model's conditional expected purchases over t weeks, w the weeks per month,
/// d the monthly discount rate and spend the Gamma-Gamma expected spend per purchase.
/// </summary>
public static class ClvCalculator
{
    public static double Clv(IPurchaseModel model, double expectedSpend, int x, double tx, double t, ScoringOptions options)
    {
        var alive = model.ProbabilityAlive(x, tx, t);
        if (alive == 0) return 0;
        double clv = 0, previous = 0, discount = 1;
        for (var k = 1; k <= options.ClvMonths; k++)
        {
            discount /= 1 + options.MonthlyDiscountRate;
            var cumulative = model.ExpectedPurchasesIfAlive(k * options.WeeksPerMonth, x, t);
            clv += (cumulative - previous) * discount;
            previous = cumulative;
        }

        return expectedSpend * alive * clv;
    }
}
