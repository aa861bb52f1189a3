using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>The subset of SendGrid's v3 Mail Send validation the adapter can hit, with SendGrid's messages and fields.</summary>
internal static partial class MailSendValidator
{
    private const string Help = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";

    public static List<WireError> Validate(JsonElement root)
    {
        var errors = new List<WireError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new WireError("Bad Request", null, null));
            return errors;
        }

        ValidatePersonalizations(root, errors);
        ValidateFrom(root, errors);
        var hasTemplate = root.TryGetProperty("template_id", out var template) && template.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(template.GetString());
        if (!hasTemplate)
        {
            ValidateSubjectAndContent(root, errors);
        }

        if (root.TryGetProperty("categories", out var categories))
        {
            if (categories.ValueKind != JsonValueKind.Array || categories.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            {
                errors.Add(new WireError("The categories param must be an array of strings.", "categories", Help + "#message.categories"));
            }
            else if (categories.GetArrayLength() > 10)
            {
                errors.Add(new WireError("You may not have more than 10 categories per request.", "categories", Help + "#message.categories"));
            }
        }

        if (root.TryGetProperty("asm", out var asm)
            && (asm.ValueKind != JsonValueKind.Object || !asm.TryGetProperty("group_id", out var group) || !group.TryGetInt32(out _)))
        {
            errors.Add(new WireError("The asm group_id must be an integer.", "asm.group_id", Help + "#message.asm.group_id"));
        }

        return errors;
    }

    public static bool IsAddress(string? value) => value is not null && Address().IsMatch(value);

    private static void ValidatePersonalizations(JsonElement root, List<WireError> errors)
    {
        if (!root.TryGetProperty("personalizations", out var personalizations)
            || personalizations.ValueKind != JsonValueKind.Array || personalizations.GetArrayLength() == 0)
        {
            errors.Add(new WireError("The personalizations field is required and must have at least one personalization.",
                "personalizations", Help + "#-Personalizations-Errors"));
            return;
        }

        var i = 0;
        foreach (var personalization in personalizations.EnumerateArray())
        {
            if (!personalization.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
            {
                errors.Add(new WireError(
                    "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
                    $"personalizations.{i}.to", Help + "#message.personalizations.to"));
            }
            else
            {
                var j = 0;
                foreach (var recipient in to.EnumerateArray())
                {
                    if (!IsAddress(StringOrNull(recipient, "email")))
                    {
                        errors.Add(new WireError("Does not contain a valid address.", $"personalizations.{i}.to.{j}.email",
                            Help + "#message.personalizations.to"));
                    }

                    j++;
                }
            }

            if (personalization.TryGetProperty("custom_args", out var args)
                && (args.ValueKind != JsonValueKind.Object || args.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.String)))
            {
                errors.Add(new WireError("Invalid type. Expected: string, given: integer.", $"personalizations.{i}.custom_args",
                    Help + "#message.custom_args"));
            }

            i++;
        }
    }

    private static void ValidateFrom(JsonElement root, List<WireError> errors)
    {
        if (!root.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new WireError(
                "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
                "from", Help + "#message.from"));
        }
        else if (!IsAddress(StringOrNull(from, "email")))
        {
            errors.Add(new WireError("The from email does not contain a valid address.", "from.email", Help + "#message.from"));
        }
    }

    private static void ValidateSubjectAndContent(JsonElement root, List<WireError> errors)
    {
        if (string.IsNullOrEmpty(StringOrNull(root, "subject")))
        {
            errors.Add(new WireError(
                "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                "subject", Help + "#message.subject"));
        }

        if (!root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() == 0)
        {
            errors.Add(new WireError(
                "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
                "content", Help + "#message.content"));
            return;
        }

        var i = 0;
        foreach (var block in content.EnumerateArray())
        {
            if (string.IsNullOrEmpty(StringOrNull(block, "value")))
            {
                errors.Add(new WireError("The content value must be a string at least one character in length.",
                    $"content.{i}.value", Help + "#message.content.value"));
            }

            i++;
        }
    }

    public static string? StringOrNull(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
