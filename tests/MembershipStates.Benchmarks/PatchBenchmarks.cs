using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using MembershipStates.Scim;

namespace MembershipStates.Benchmarks;

/// <summary>
/// The whole PATCH path — request bytes → operations → lifecycle decision → response bytes — against its floor:
/// merely deserializing the same PatchOp and serializing the same User with System.Text.Json.
/// </summary>
[MemoryDiagnoser]
public class PatchBenchmarks
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly Uri Users = new("https://app.example.com/scim/v2/organizations/acme/Users");
    private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ScimUserOperations _operations = new(new MembershipLifecycle());
    private byte[] _body = [];
    private ScimMember _member = null!;
    private ScimUser _resource = null!;

    /// <summary>Okta's deactivate (one path-less replace of active) or Entra's multi-operation attribute update.</summary>
    [Params("OktaDeactivate", "EntraAttributes")]
    public string Request { get; set; } = "OktaDeactivate";

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(Request == "OktaDeactivate"
            ? """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}"""
            : $$"""
              {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                {"op":"Replace","path":"displayName","value":"Ryan Leenay"},
                {"op":"Replace","path":"name.givenName","value":"Ryan"},
                {"op":"Replace","path":"name.familyName","value":"Leenay"},
                {"op":"Replace","path":"emails[type eq \"work\"].value","value":"Ryan@contoso.com"},
                {"op":"Add","path":"{{Enterprise}}:employeeNumber","value":"701984"},
                {"op":"Replace","path":"{{Enterprise}}:department","value":"Tour Operations"}]}
              """);
        var user = ScimJson.ParseUser("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"Ryan@Contoso.com",
             "externalId":"00u1dhhb1fkIGP7RL1d8","name":{"givenName":"R","familyName":"L"},"displayName":"R L",
             "emails":[{"type":"work","value":"ryan@old.example","primary":true},{"type":"home","value":"ryan@home.example"}],
             "locale":"en-US","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"2819c223"}}}
            """).Value;
        _member = new ScimMember(MembershipSnapshot.Active("2819c223-7f76-453a-919d-413861904646", 7, Then, Then), user.ToHostAttributes());
        _resource = _member.ToResource(Users);
    }

    [Benchmark(Baseline = true)]
    public int FloorDeserializePatchSerializeUser()
    {
        var patch = JsonSerializer.Deserialize(_body, FloorJsonContext.Default.PatchOpDto);
        var bytes = ScimJson.ToUtf8Bytes(_resource);
        return bytes.Length + (patch?.Operations?.Count ?? 0);
    }

    [Benchmark]
    public int WholePatchPath()
    {
        var patch = ScimUserOperations.ParsePatch(_body).Value;
        var operation = _operations.Patch(_member, _member.Id, patch).Value;
        return operation.ToResponse(Users).Body.Length;
    }
}

/// <summary>The PatchOp as a plain DTO, for the floor.</summary>
public sealed class PatchOpDto
{
    [JsonPropertyName("schemas")]
    public List<string>? Schemas { get; set; }

    [JsonPropertyName("Operations")]
    public List<PatchOperationDto>? Operations { get; set; }
}

/// <summary>One operation of the floor's PatchOp.</summary>
public sealed class PatchOperationDto
{
    [JsonPropertyName("op")]
    public string? Op { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("value")]
    public JsonElement Value { get; set; }
}

[JsonSerializable(typeof(PatchOpDto))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
