using System.Text;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// What a normalised transaction may hold so that storing it cannot fail: the limits of Table storage (a key at most
/// 1 KiB, a string property at most 32 K characters, an entity at most 1 MiB) and of decimal, checked while the request
/// is still there to be answered 400. Every source's deliveries pass through it (<see cref="Sources.SourceNormalizerRegistry"/>),
/// so what is queued stores. Field names are the POS JSON names (docs/pos-json.md), prefixed "[i]." in a batch.
/// </summary>
public static class IntakeLimits
{
    /// <summary>
    /// A table key built from input (an identity key such as "email:…", "order:{source}:{id}", or a transaction's
    /// RowKey) at most this long once key-escaped: half of 1 KiB, so it fits whether the service counts characters or
    /// UTF-16 bytes, with room for the prefixes.
    /// </summary>
    public const int MaxEscapedKeyLength = 512;

    /// <summary>Free text kept on a transaction or profile (names, sku, category, location, time zone, event id).</summary>
    public const int MaxTextLength = 256;

    /// <summary>Lines of one transaction.</summary>
    public const int MaxLines = 1000;

    /// <summary>
    /// The lines of one transaction as stored JSON, in characters, counting every non-ASCII character at its worst
    /// escape (\uXXXX): 8 properties of 32 K characters, half the 1 MiB entity, so the rest of the row always fits.
    /// </summary>
    public const int MaxLinesJsonLength = 8 * 32 * 1024;

    /// <summary>Money and quantities, in absolute value (see the sources' reader bound).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    // A line's JSON beyond its texts: {"sku":…,"category":…,"quantity":…,"amount":…} with two 30-digit decimals.
    private const int LineJsonOverhead = 120;

    /// <summary>
    /// Drops every transaction that breaks a limit and reports it as a field error, keeping the rest: the HTTP side
    /// refuses a delivery with any error, and a file import stores the rows that pass.
    /// </summary>
    public static NormalizationResult Apply(NormalizationResult result)
    {
        if (result.Transactions.Count == 0)
        {
            return result;
        }

        var errors = result.Errors?.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal)
                     ?? new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var kept = new List<NormalizedTransaction>(result.Transactions.Count);
        var batch = result.Transactions.Count > 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Transactions.Count; i++)
        {
            var item = result.Transactions[i];
            var found = Check(item);
            if (!seen.Add(item.Transaction.ExternalId))
            {
                // Two rows with one key in one entity group transaction fail the whole commit, on every retry.
                found = [.. found, ("id", $"'{item.Transaction.ExternalId}' appears twice in the delivery.")];
            }

            if (found.Count == 0)
            {
                kept.Add(item);
                continue;
            }

            foreach (var (field, message) in found)
            {
                var path = batch ? $"[{i}].{field}" : field;
                if (!errors.TryGetValue(path, out var messages))
                {
                    errors[path] = messages = [];
                }

                messages.Add(message);
            }
        }

        return kept.Count == result.Transactions.Count
            ? result
            : result with { Transactions = kept, Errors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal) };
    }

    /// <summary>The field errors of one transaction, keyed by field name; empty when it stores.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(NormalizedTransaction item)
    {
        var errors = new List<(string, string)>();
        var t = item.Transaction;
        Key(errors, "id", IdentityKeys.ForOrder(t.Source, t.ExternalId));
        if (t.RefundOf is { } refundOf)
        {
            Key(errors, "refundOf", IdentityKeys.ForOrder(t.Source, refundOf));
        }

        Amount(errors, "total", t.GrossTotal);
        Amount(errors, "discounts", t.Discounts);
        Text(errors, "location", t.Location);
        Text(errors, "eventId", item.EventId);
        Lines(errors, t.Lines);

        if (item.Customer is { } customer)
        {
            if (customer.PlatformKey is { } platformKey)
            {
                Key(errors, "customer.id", platformKey);
            }

            if (customer.Email is { } email)
            {
                Key(errors, "customer.email", IdentityKeys.ForEmail(email));
            }

            if (customer.Phone is { } phone)
            {
                Key(errors, "customer.phone", IdentityKeys.ForPhone(phone));
            }

            Text(errors, "customer.firstName", customer.FirstName);
            Text(errors, "customer.lastName", customer.LastName);
            Text(errors, "customer.timeZone", customer.TimeZone);
        }

        return errors;
    }

    /// <summary>
    /// The length of <paramref name="value"/> once key-escaped as the storage adapter does (KeyEncoder): ASCII letters,
    /// digits and - _ . @ : + = ! , stay; every other character becomes ~XX per UTF-8 byte, so one CJK character
    /// takes 9. A test ties this to the encoder.
    /// </summary>
    public static int EscapedKeyLength(string value)
    {
        Span<byte> buffer = stackalloc byte[4];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or ':' or '+' or '=' or '!' or ',')
            {
                length++;
                continue;
            }

            var bytes = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), buffer)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
            length += 3 * bytes;
        }

        return length;
    }

    private static void Lines(List<(string, string)> errors, IReadOnlyList<LineItem> lines)
    {
        if (lines.Count > MaxLines)
        {
            errors.Add(("lines", $"At most {MaxLines} lines."));
            return;
        }

        long json = 2;
        for (var j = 0; j < lines.Count; j++)
        {
            var line = lines[j];
            Text(errors, $"lines[{j}].sku", line.Sku);
            Text(errors, $"lines[{j}].category", line.Category);
            Amount(errors, $"lines[{j}].quantity", line.Quantity);
            Amount(errors, $"lines[{j}].amount", line.Amount);
            json += LineJsonOverhead + WorstJsonLength(line.Sku) + WorstJsonLength(line.Category);
        }

        if (json > MaxLinesJsonLength)
        {
            errors.Add(("lines", $"The lines are too large to store together: shorten sku and category texts or send fewer lines (at most {MaxLinesJsonLength} characters as JSON)."));
        }
    }

    private static void Key(List<(string, string)> errors, string field, string key)
    {
        if (EscapedKeyLength(key) > MaxEscapedKeyLength)
        {
            errors.Add((field, $"Too long to be a storage key: at most {MaxEscapedKeyLength} characters once escaped (a character other than A-Z a-z 0-9 - _ . @ : + = ! , counts 3 per UTF-8 byte)."));
        }
    }

    private static void Text(List<(string, string)> errors, string field, string? text)
    {
        if (text is { Length: > MaxTextLength })
        {
            errors.Add((field, $"At most {MaxTextLength} characters."));
        }
    }

    private static void Amount(List<(string, string)> errors, string field, decimal value)
    {
        if (Math.Abs(value) > MaxAmount)
        {
            errors.Add((field, "Out of range: amounts and quantities are at most 10^12 in absolute value."));
        }
    }

    // System.Text.Json's default encoder writes non-ASCII, controls and HTML-sensitive characters as \uXXXX.
    private static long WorstJsonLength(string? text)
    {
        if (text is null)
        {
            return 4;
        }

        long length = 2;
        foreach (var c in text)
        {
            length += c is >= ' ' and <= '~' and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
        }

        return length;
    }
}
