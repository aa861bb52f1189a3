namespace ChurnFunctions.Core.Domain;

/// <summary>One line of an order. <see cref="Amount"/> is the line total after line discounts.</summary>
public sealed record LineItem(string? Sku, string? Category, decimal Quantity, decimal Amount);
