using System.Net.Http.Headers;
using System.Text;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>Sends SCIM requests to one organization's base, as a provider would.</summary>
public sealed class ScimClient(HttpClient http, string basePath, string token)
{
    public const string ScimJson = "application/scim+json";

    public HttpClient Http => http;

    public string BasePath => basePath;

    public Task<ScimAnswer> GetAsync(string relative, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, relative, null, ScimJson, configure);

    public Task<ScimAnswer> PostAsync(string relative, string json, string contentType = ScimJson, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, relative, json, contentType, configure);

    public Task<ScimAnswer> PutAsync(string relative, string json, string contentType = ScimJson, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Put, relative, json, contentType, configure);

    public Task<ScimAnswer> PatchAsync(string relative, string json, string contentType = ScimJson, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Patch, relative, json, contentType, configure);

    public Task<ScimAnswer> DeleteAsync(string relative, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Delete, relative, null, ScimJson, configure);

    /// <summary>Finds users with <c>filter=userName eq "…"</c>, as Okta does before it provisions.</summary>
    public Task<ScimAnswer> FilterByUserNameAsync(string userName, string paging = "&startIndex=1&count=100") =>
        GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}{paging}");

    public async Task<ScimAnswer> SendAsync(HttpMethod method, string relative, string? json, string contentType, Action<HttpRequestMessage>? configure)
    {
        using var request = new HttpRequestMessage(method, basePath + relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd(ScimJson);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return await ScimAnswer.ReadAsync(response);
    }
}
