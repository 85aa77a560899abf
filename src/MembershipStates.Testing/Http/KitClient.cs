using System.Net.Http.Headers;
using System.Text;

namespace MembershipStates.Testing.Http;

/// <summary>
/// Sends SCIM requests to one organization's base on one instance of the host, as a provider would, and writes each
/// to the test's <see cref="Transcript"/>.
/// </summary>
internal sealed class KitClient(HttpClient http, string basePath, string token, Transcript transcript, string instance)
{
    public const string ScimJson = "application/scim+json";

    public string BasePath => basePath;

    public Transcript Transcript => transcript;

    /// <summary>A client of the same organization on another instance, or with another token.</summary>
    public KitClient With(HttpClient otherHttp, string otherInstance) => new(otherHttp, basePath, token, transcript, otherInstance);

    public KitClient WithToken(string otherToken) => new(http, basePath, otherToken, transcript, instance);

    public Task<KitAnswer> GetAsync(string relative, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, relative, null, ScimJson, null, configure);

    public Task<KitAnswer> PostAsync(string relative, string json, string contentType = ScimJson) =>
        SendAsync(HttpMethod.Post, relative, json, contentType, null, null);

    public Task<KitAnswer> PutAsync(string relative, string json, string? ifMatch = null, string contentType = ScimJson) =>
        SendAsync(HttpMethod.Put, relative, json, contentType, ifMatch, null);

    public Task<KitAnswer> PatchAsync(string relative, string json, string? ifMatch = null) =>
        SendAsync(HttpMethod.Patch, relative, json, ScimJson, ifMatch, null);

    public Task<KitAnswer> DeleteAsync(string relative, string? ifMatch = null) =>
        SendAsync(HttpMethod.Delete, relative, null, ScimJson, ifMatch, null);

    /// <summary>Finds users with <c>filter=userName eq "…"</c>, as Okta does before it provisions.</summary>
    public Task<KitAnswer> FilterByUserNameAsync(string userName) =>
        GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}&startIndex=1&count=100");

    public async Task<KitAnswer> SendAsync(HttpMethod method, string relative, string? json, string contentType, string? ifMatch, Action<HttpRequestMessage>? configure)
    {
        using var request = new HttpRequestMessage(method, basePath + relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd(ScimJson);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var answer = await KitAnswer.ReadAsync(response).ConfigureAwait(false);
        transcript.Request(instance, method, basePath + relative, ifMatch, json, answer.Status, answer.ETag);
        return answer;
    }
}
