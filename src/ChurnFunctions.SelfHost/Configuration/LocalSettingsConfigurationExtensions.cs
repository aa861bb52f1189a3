using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ChurnFunctions.SelfHost.Configuration;

public static class LocalSettingsConfigurationExtensions
{
    /// <summary>
    /// Reads the "Values" of a Functions local.settings.json, so one settings file serves both hosts. Keys keep the
    /// Functions form (Webhooks__Shopify__Secret) and are turned into configuration paths (Webhooks:Shopify:Secret).
    /// </summary>
    public static IConfigurationBuilder AddFunctionsLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
