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
    private readonly StringBuilder _field = new();
    private int _position;
    private int _line = 1;

    /// <summary>The 1-based line (of the text) on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The current record as written, without its line ending.</summary>
    public string Raw { get; private set; } = string.Empty;

    public List<string> Fields { get; } = [];

    public bool Read()
    {
        SkipBlankLines();
        if (_position >= text.Length)
        {
            return false;
        }

        Line = _line;
        var start = _position;
        Fields.Clear();
        while (true)
        {
            var endOfRecord = ReadField();
            Fields.Add(_field.ToString());
            if (endOfRecord)
            {
                break;
            }
        }

        Raw = text[start.._position].TrimEnd('\r', '\n');
        return true;
    }

    /// <summary>Reads one field into <see cref="_field"/>; true when it ended the record.</summary>
    private bool ReadField()
    {
        _field.Clear();
        var quoted = false;
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (quoted)
            {
                if (c == '"' && _position < text.Length && text[_position] == '"')
                {
                    _field.Append('"');
                    _position++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    _line += c == '\n' ? 1 : 0;
                    _field.Append(c);
                }
            }
            else if (c == '"' && _field.ToString().Trim().Length == 0)
            {
                _field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                return false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && _position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }

                _line++;
                return true;
            }
            else
            {
                _field.Append(c);
            }
        }

        return true;
    }

    private void SkipBlankLines()
    {
        while (_position < text.Length && text[_position] is '\n' or '\r')
        {
            if (text[_position] == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n')
            {
                _position++;
            }

            _position++;
            _line++;
        }
    }
}
