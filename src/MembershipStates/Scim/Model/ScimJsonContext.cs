using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The source-generated JSON metadata of every SCIM wire type: no reflection, trimming- and AOT-safe.
/// </summary>
/// <remarks>
/// <para>Use <see cref="Scim"/>, never <c>Default</c>: its options read property names in any case, omit
/// <see langword="null"/> members and escape only what JSON requires, so that <c>a+b@example.com</c> and
/// non-ASCII names are written as they are. SCIM responses are <c>application/scim+json</c>, never embedded in
/// HTML, which is what the stricter default escaping guards against.</para>
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ScimUser))]
[JsonSerializable(typeof(ScimManager))]
[JsonSerializable(typeof(ScimError))]
[JsonSerializable(typeof(ScimGroup))]
[JsonSerializable(typeof(ScimListResponse<ScimUser>))]
[JsonSerializable(typeof(ScimListResponse<ScimGroup>))]
[JsonSerializable(typeof(ScimListResponse<JsonObject>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ScimJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context with the options every SCIM message is read and written with.</summary>
    public static ScimJsonContext Scim { get; } = new(new JsonSerializerOptions
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });
}
