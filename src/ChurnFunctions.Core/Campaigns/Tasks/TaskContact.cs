namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>The customer's contact details as they are now; all null once the customer is gone (erased).</summary>
public sealed record TaskContact(string? FirstName, string? LastName, string? Email, string? Phone);
