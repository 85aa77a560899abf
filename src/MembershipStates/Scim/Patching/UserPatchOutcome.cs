using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Patching;

/// <summary>What the operations of a user's <c>PATCH</c> came to, when every one applied.</summary>
/// <param name="Original">The attributes as JSON (without <c>active</c>) before the operations, when an operation needed them; <see langword="null"/> otherwise.</param>
/// <param name="Attributes">The attributes after the operations; <see langword="null"/> when no operation touched them.</param>
/// <param name="Active">The <c>active</c> the operations ask for, or <see langword="null"/> when none sets it.</param>
internal readonly record struct UserPatchOutcome(JsonObject? Original, JsonObject? Attributes, bool? Active);
