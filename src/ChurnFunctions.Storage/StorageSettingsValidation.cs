using ChurnFunctions.Storage.Connection;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Storage;

/// <summary>Stops the host at start when the storage settings cannot make the SDK clients, naming the setting to fix.</summary>
internal sealed class StorageSettingsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = StorageClients.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
