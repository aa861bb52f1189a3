namespace ChurnFunctions.Analytics.Models;

/// <summary>The chosen default model and every candidate's holdout comparison, keyed by model name.</summary>
public sealed record ModelSelection(IPurchaseModel Chosen, IReadOnlyDictionary<string, HoldoutComparison> Candidates);
