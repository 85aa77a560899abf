using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MembershipStates.Scim;

/// <summary>
/// Reads <c>manager</c> from an object, from a bare string id (Microsoft Entra ID), or from an empty string meaning
/// no manager; writes an object.
/// </summary>
/// <remarks>Applied to the <see cref="ScimEnterpriseUser.Manager"/> property only, so the object form is read by
/// the generated metadata of <see cref="ScimManager"/> without coming back here.</remarks>
internal sealed class ScimManagerConverter : JsonConverter<ScimManager?>
{
    public override bool HandleNull => true;

    public override ScimManager? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var id = reader.GetString();
                return string.IsNullOrEmpty(id) ? null : new ScimManager { Value = id };
            case JsonTokenType.StartObject:
                return JsonSerializer.Deserialize(ref reader, ManagerInfo(options));
            default:
                throw new JsonException("The manager is expected as an object or a string.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ScimManager? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value, ManagerInfo(options));
    }

    private static JsonTypeInfo<ScimManager> ManagerInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<ScimManager>)options.GetTypeInfo(typeof(ScimManager));
}
