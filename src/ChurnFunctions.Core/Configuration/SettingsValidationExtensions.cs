using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Configuration;

public static class SettingsValidationExtensions
{
    /// <summary>
    /// In place of <c>ValidateDataAnnotations()</c>: the same checks, with failures that name the setting under
    /// <paramref name="sectionName"/>. Pair it with <c>ValidateOnStart()</c> so a bad setting stops the host.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> builder, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidation<TOptions>(builder.Name, sectionName));
        return builder;
    }
}
