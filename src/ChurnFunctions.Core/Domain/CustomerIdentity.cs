namespace ChurnFunctions.Core.Domain;

/// <summary>
/// Who a platform says the buyer is. Any field may be missing; identity resolution uses, in order,
/// <see cref="PlatformKey"/>, <see cref="Email"/> and <see cref="Phone"/>.
/// </summary>
/// <param name="PlatformKey">The platform's customer id qualified by source, e.g. "shopify:207119551".</param>
/// <param name="Email">Normalised (trimmed, lower case), see <see cref="ContactNormalizer"/>.</param>
/// <param name="Phone">E.164, see <see cref="ContactNormalizer"/>.</param>
public sealed record CustomerIdentity(
    string? PlatformKey,
    string? Email,
    string? Phone,
    string? FirstName = null,
    string? LastName = null,
    DateOnly? Birthday = null,
    string? TimeZone = null,
    IReadOnlyList<ConsentRecord>? Consents = null)
{
    public bool IsAnonymous => PlatformKey is null && Email is null && Phone is null;
}
