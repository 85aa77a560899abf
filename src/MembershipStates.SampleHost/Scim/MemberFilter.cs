using System.Linq.Expressions;
using System.Text.Json;
using System.Text.RegularExpressions;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Translates a SCIM filter into a LINQ predicate over <see cref="MemberRow"/>, which EF Core turns into SQL.
/// </summary>
/// <remarks>
/// The filters the providers send to find a user: <c>userName eq "…"</c> (case-insensitive, RFC 7643) and
/// <c>externalId eq "…"</c> (case-exact). No SQL text is ever built from the request.
/// </remarks>
internal static partial class MemberFilter
{
    public static bool TryTranslate(string? filter, out Expression<Func<MemberRow, bool>>? predicate, out ScimError? error)
    {
        predicate = null;
        error = null;
        if (filter is null)
        {
            return true;
        }

        var match = Equality().Match(filter);
        if (!match.Success)
        {
            error = ScimError.InvalidFilter("Supported filters: userName eq \"…\" and externalId eq \"…\".");
            return false;
        }

        string? value;
        try
        {
            value = JsonSerializer.Deserialize<string>(match.Groups["value"].Value);
        }
        catch (JsonException)
        {
            value = null;
        }

        if (value is null)
        {
            error = ScimError.InvalidFilter("The filter's value is not a valid string.");
            return false;
        }

        if (match.Groups["attribute"].Value.Equals("userName", StringComparison.OrdinalIgnoreCase))
        {
            var normalized = value.ToUpperInvariant();
            predicate = member => member.NormalizedUserName == normalized;
        }
        else
        {
            predicate = member => member.ExternalId == value;
        }

        return true;
    }

    [GeneratedRegex("""^\s*(?<attribute>userName|externalId)\s+eq\s+(?<value>"(?:[^"\\]|\\.)*")\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Equality();
}
