namespace MembershipStates.Testing.Model;

/// <summary>How a provider spells a request.</summary>
internal enum Form
{
    /// <summary>Okta: a path-less PATCH with an object value; POSTs with externalId and a password.</summary>
    Okta,

    /// <summary>Entra ID's default: capitalised ops, string booleans ("True"/"False"); POSTs with enterprise attributes.</summary>
    Entra,

    /// <summary>Entra ID with the aadOptscim062020 flag: lowercase ops, booleans.</summary>
    EntraFlagged,

    /// <summary>An app built with Okta's wizard: GET, then a full PUT.</summary>
    Wizard,
}
