using System.Text.Json;
using System.Text.RegularExpressions;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Pos;

/// <summary>
/// The optional customer of a POS transaction. Omitted means an anonymous sale; present, it must name the buyer
/// by id, email or phone. Contact details that cannot be normalised are errors rather than silently dropped, since
/// the sender can fix them.
/// </summary>
internal sealed partial class PosCustomerReader(string? defaultRegion, ErrorBag errors)
{
    public CustomerIdentity? Read(JsonElement item, string path, DateTimeOffset? occurredAt)
    {
        if (item.Property("customer") is not { } customer)
        {
            return null;
        }

        if (customer.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Must be an object (omit it for an anonymous sale).");
            return null;
        }

        var id = customer.Id("id");
        var email = Contact(customer, "email", path, ContactNormalizer.Email, "Not a valid email address.");
        var phone = Contact(customer, "phone", path, raw => ContactNormalizer.Phone(raw, defaultRegion),
            "Not a valid phone number (use E.164, e.g. +14155550123).");
        if (id is null && customer.String("email") is null && customer.String("phone") is null)
        {
            errors.Add(path, "Needs an id, email or phone (omit customer for an anonymous sale).");
        }

        DateOnly? birthday = null;
        if (customer.String("birthday") is { } birthdayText)
        {
            if (Timestamps.TryParseDate(birthdayText, out var date))
            {
                birthday = date;
            }
            else
            {
                errors.Add(PosTransactionReader.Path(path, "birthday"), "Must be a date yyyy-MM-dd.");
            }
        }

        var timeZone = customer.String("timeZone");
        if (timeZone is not null && !TimeZoneName().IsMatch(timeZone))
        {
            errors.Add(PosTransactionReader.Path(path, "timeZone"), "Must be an IANA time zone name such as Europe/Berlin.");
        }

        return new CustomerIdentity(
            id is null ? null : "pos:" + id, email, phone, customer.String("firstName"), customer.String("lastName"),
            birthday, timeZone, ReadConsent(customer, path, occurredAt));
    }

    private string? Contact(JsonElement customer, string name, string path, Func<string, string?> normalize, string message)
    {
        if (customer.String(name) is not { } raw)
        {
            return null;
        }

        var value = normalize(raw);
        if (value is null)
        {
            errors.Add(PosTransactionReader.Path(path, name), message);
        }

        return value;
    }

    /// <summary>consent.email / consent.sms are booleans; consent.at dates them and defaults to occurredAt.</summary>
    private List<ConsentRecord>? ReadConsent(JsonElement customer, string path, DateTimeOffset? occurredAt)
    {
        if (customer.Object("consent") is not { } consent)
        {
            return null;
        }

        var consentPath = PosTransactionReader.Path(path, "consent");
        DateTimeOffset? at = occurredAt;
        if (consent.String("at") is { } atText)
        {
            at = Timestamps.TryParseWithOffset(atText, out var parsed) ? parsed : null;
            if (at is null)
            {
                errors.Add(consentPath + ".at", "Not an ISO 8601 date-time with offset.");
            }
        }

        var records = new List<ConsentRecord>(2);
        foreach (var (name, channel) in new[] { ("email", MessageChannel.Email), ("sms", MessageChannel.Sms) })
        {
            if (consent.Property(name) is null)
            {
                continue;
            }

            if (consent.Boolean(name) is not { } granted)
            {
                errors.Add($"{consentPath}.{name}", "Must be true or false.");
            }
            else if (at is { } when)
            {
                records.Add(new ConsentRecord(channel, granted, SourceNames.Pos, when));
            }
        }

        return records;
    }

    /// <summary>The shape of an IANA name ("UTC", "America/Argentina/Buenos_Aires"); not checked against tzdata.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneName();
}
