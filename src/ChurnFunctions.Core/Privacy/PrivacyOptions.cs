using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Privacy;

/// <summary>Erasure and retention, bound from "Privacy" (Privacy__IdentitySalt, Privacy__RetentionMonths).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// The HMAC key for identity hashes in the erasure list. Unset, erasure is refused (503): without it an erased
    /// person could not be recognised later, and a plain hash of an email is reversible by guessing.
    /// </summary>
    // Empty counts as unset (the sample settings carry it empty); anything given must be long enough to be a key.
    [RegularExpression("^.{16,}$", ErrorMessage = "Privacy:IdentitySalt must be at least 16 characters when set.")]
    public string? IdentitySalt { get; set; }

    /// <summary>Transactions and raw bodies older than this many months are deleted nightly; unset keeps them forever.</summary>
    [Range(1, 1200)]
    public int? RetentionMonths { get; set; }
}
