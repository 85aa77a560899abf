using System.Globalization;

namespace MembershipStates.Testing.Model;

/// <summary>
/// One step of a generated sequence, in one organization. Users and groups are named by index; names compare
/// case-insensitively, so "Ann.Lee@Example.com" and "ann.lee@EXAMPLE.com" are one member.
/// </summary>
internal sealed record Step(
    StepKind Kind,
    int Org,
    int User,
    bool Active,
    Form Form,
    Precondition IfMatch,
    int Value,
    int Group,
    bool FromOtherOrg,
    Step? First = null,
    Step? Second = null)
{
    /// <summary>The userNames steps use: mixed case, non-ASCII, two spellings of each of two members.</summary>
    public static readonly string[] UserNames = ["Ann.Lee@Example.com", "ann.lee@EXAMPLE.com", "Åsa.Öst@Example.com", "ÅSA.ÖST@example.COM", "Bob@Example.com"];

    /// <summary>The givenNames attribute changes write.</summary>
    public static readonly string[] GivenNames = ["Ann", "Åsa", "Zoë", "Bea"];

    /// <summary>The displayNames of groups: "Ops" and "OPS" are one group.</summary>
    public static readonly string[] GroupNames = ["Ops", "OPS", "Ünïcode"];

    public string UserName => UserNames[User];

    public string UserKey => UserName.ToUpperInvariant();

    public string GroupName => GroupNames[Group];

    public string GroupKey => GroupName.ToUpperInvariant();

    public string GivenName => GivenNames[Value];

    public string WorkEmail => string.Create(CultureInfo.InvariantCulture, $"mail{Value}@example.com");

    public string EmployeeNumber => string.Create(CultureInfo.InvariantCulture, $"70{Value}");

    /// <summary>The member's part of the externalId a provider sends: one per member and provider, whatever the spelling of its name.</summary>
    public string ExternalId => "ext-" + UserKey;

    public override string ToString()
    {
        var org = Org == 0 ? string.Empty : "(second organization) ";
        var ifMatch = IfMatch == Precondition.None ? string.Empty : $" If-Match {IfMatch.ToString().ToLowerInvariant()}";
        return org + Kind switch
        {
            StepKind.Create => $"create {UserName} active={Active} ({Form})",
            StepKind.Deactivate or StepKind.Reactivate => $"{Kind.ToString().ToLowerInvariant()} {UserName} ({Form}){ifMatch}",
            StepKind.Replace => $"replace {UserName} givenName={GivenName} (Okta PUT){ifMatch}",
            StepKind.PatchAttributes => $"patch {UserName} givenName={GivenName}, e-mail, employeeNumber (Entra){ifMatch}",
            StepKind.Delete => $"delete {UserName}{ifMatch}",
            StepKind.Race => $"race: [{First}] read and decided, then [{Second}] on another instance, then the first commits",
            StepKind.CreateGroup => $"create group {GroupName} ({Form})",
            StepKind.AddMember => $"add {UserName}{(FromOtherOrg ? " of the other organization" : string.Empty)} to {GroupName} ({Form})",
            StepKind.RemoveMember => $"remove {UserName} from {GroupName} ({Form})",
            _ => $"delete group {GroupName}",
        };
    }
}
