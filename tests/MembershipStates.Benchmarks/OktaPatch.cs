namespace MembershipStates.Benchmarks;

/// <summary>The PATCH bodies Okta sends to deactivate and to reactivate a user.</summary>
internal static class OktaPatch
{
    public const string Deactivate = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""";

    public const string Reactivate = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}""";
}
