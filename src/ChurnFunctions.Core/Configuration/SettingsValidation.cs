using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Configuration;

/// <summary>
/// Data-annotation validation (attributes, then <see cref="IValidatableObject"/>) whose failures name the setting as
/// it is written in configuration, <c>Ingest:MaxInlineBytes (Ingest__MaxInlineBytes)</c>, rather than the options
/// class and member, so the message a host stops with says which app setting to fix.
/// </summary>
public sealed class SettingsValidation<TOptions>(string? optionsName, string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(Describe));
    }

    /// <summary>The setting's name in both spellings: <c>Section:Member (Section__Member)</c>.</summary>
    private static string Setting(string sectionName, string member)
    {
        var path = string.IsNullOrEmpty(member) ? sectionName : $"{sectionName}:{member}";
        return $"{path} ({path.Replace(":", "__", StringComparison.Ordinal)})";
    }

    private string Describe(ValidationResult result)
    {
        var members = result.MemberNames.Where(m => !string.IsNullOrEmpty(m)).ToList();
        var settings = members.Count == 0 ? Setting(sectionName, "") : string.Join(", ", members.Select(m => Setting(sectionName, m)));
        return $"{settings}: {result.ErrorMessage}";
    }
}
