using System.Globalization;
using System.Text;

namespace MembershipStates.Testing.Http;

/// <summary>
/// The requests a test sent, in order, with the status each was answered: what a person replays to see a failure.
/// </summary>
/// <remarks>Thread-safe: racing requests write to it at once.</remarks>
internal sealed class Transcript
{
    private readonly List<string> _entries = [];

    /// <summary>Gets how many entries were written.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Writes a request and its answer.</summary>
    public void Request(string instance, HttpMethod method, string path, string? ifMatch, string? body, int status, string? etag)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{method} {path}");
        if (instance.Length > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $"   [{instance}]");
        }

        if (ifMatch is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"\n      If-Match: {ifMatch}");
        }

        if (body is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"\n      {body.ReplaceLineEndings(" ")}");
        }

        line.Append(CultureInfo.InvariantCulture, $"\n      → {status}{(etag is null ? string.Empty : " " + etag)}");
        Add(line.ToString());
    }

    /// <summary>Writes a note between requests, such as the step that sends the next ones.</summary>
    public void Note(string note) => Add("# " + note);

    /// <summary>Writes every entry, numbered.</summary>
    public override string ToString()
    {
        lock (_entries)
        {
            return string.Join('\n', _entries.Select(entry => entry.StartsWith('#') ? entry : "   " + entry));
        }
    }

    private void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
