namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// Whose data to find: the customer id, the personal values that name them (email, phone, platform ids, full name),
/// and keys derived from them that storage holds instead (frequency-cap keys). Instance ids of their campaigns are
/// found by storage from the customer id.
/// </summary>
public sealed record DataSubject(string CustomerId, IReadOnlyList<string> Values, IReadOnlyList<string> DerivedKeys);
