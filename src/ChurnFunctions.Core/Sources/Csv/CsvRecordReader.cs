using System.Text;

namespace ChurnFunctions.Core.Sources.Csv;

/// <summary>
/// An RFC 4180 record reader over a string: comma-separated, fields optionally in double quotes with "" for a
/// quote, line breaks inside quotes kept, CRLF or LF endings, blank lines skipped. Hand-written rather than
/// CsvHelper because each record's starting line and raw text are needed for stable row ids, and CsvHelper 34's
/// reader is built around mapping to types.
/// </summary>
internal sealed class CsvRecordReader(string text)
{
    private readonly StringBuilder field = new();
    private int position;
    private int line = 1;

    /// <summary>The 1-based line (of the text) on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The current record as written, without its line ending.</summary>
    public string Raw { get; private set; } = string.Empty;

    public List<string> Fields { get; } = [];

    public bool Read()
    {
        SkipBlankLines();
        if (position >= text.Length)
        {
            return false;
        }

        Line = line;
        var start = position;
        Fields.Clear();
        while (true)
        {
            var endOfRecord = ReadField();
            Fields.Add(field.ToString());
            if (endOfRecord)
            {
                break;
            }
        }

        Raw = text[start..position].TrimEnd('\r', '\n');
        return true;
    }

    /// <summary>Reads one field into <see cref="field"/>; true when it ended the record.</summary>
    private bool ReadField()
    {
        field.Clear();
        var quoted = false;
        while (position < text.Length)
        {
            var c = text[position++];
            if (quoted)
            {
                if (c == '"' && position < text.Length && text[position] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                return false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && position < text.Length && text[position] == '\n')
                {
                    position++;
                }

                line++;
                return true;
            }
            else
            {
                field.Append(c);
            }
        }

        return true;
    }

    private void SkipBlankLines()
    {
        while (position < text.Length && text[position] is '\n' or '\r')
        {
            if (text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
            {
                position++;
            }

            position++;
            line++;
        }
    }
}
