namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// A page of the at-risk list of the run of <see cref="AsOf"/>. <see cref="Total"/> counts every ranked customer;
/// <see cref="Unranked"/> those left out because their run had no CLV or P(alive) for them (no model could be fitted,
/// or too few repeat buyers in their currency for a spend model).
/// </summary>
public sealed record AtRiskPage(DateOnly AsOf, int Total, int Unranked, int Offset, int Limit, IReadOnlyList<AtRiskCustomer> Customers);
