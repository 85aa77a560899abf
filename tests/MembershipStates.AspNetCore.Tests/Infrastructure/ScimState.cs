using System.Text.Json.Nodes;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>Compares what two answers say about a user, rather than how they spell it.</summary>
public static class ScimState
{
    /// <summary>
    /// The user without an empty <c>groups</c>: a new user is answered without it, a read of the same user with
    /// <c>"groups": []</c>, and RFC 7643 §2.5 makes an empty multi-valued attribute the same state as an absent one.
    /// </summary>
    public static JsonNode WithoutEmptyGroups(JsonNode user)
    {
        var copy = user.DeepClone();
        if (copy["groups"] is JsonArray { Count: 0 })
        {
            copy.AsObject().Remove("groups");
        }

        return copy;
    }
}
