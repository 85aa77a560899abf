namespace MembershipStates.Scim.Schema;

/// <summary>When an attribute is returned in a response (RFC 7643 §2.2, <c>returned</c>).</summary>
public enum ScimReturned
{
    /// <summary>Returned unless excluded by the <c>excludedAttributes</c> parameter.</summary>
    Default,

    /// <summary>Always returned, whatever the request asks for.</summary>
    Always,

    /// <summary>Never returned.</summary>
    Never,

    /// <summary>Returned only when the request names it in <c>attributes</c>.</summary>
    Request,
}
