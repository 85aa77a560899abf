using System.Net.Http.Headers;
using System.Text;
using MembershipStates.AspNetCore;
using MembershipStates.SampleHost;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Benchmarks;

/// <summary>The real sample host (the code <c>dotnet run</c> runs) for a benchmark: on TestServer, logging off, one organization.</summary>
internal static class BenchmarkHost
{
    /// <summary>Starts the sample host on a benchmark's database, serving <paramref name="organization"/> to <paramref name="token"/>.</summary>
    /// <param name="configure">Changes the host's builder further, such as the options it registers.</param>
    public static async Task<WebApplication> StartAsync(string engine, BenchmarkDatabase database, string organization, string token, Action<WebApplicationBuilder>? configure = null)
    {
        var host = await SampleHostApp.BuildAsync(
            [$"--Storage:Provider={engine}", $"--ConnectionStrings:Membership={database.ConnectionString}", $"--Organizations:{organization}:Token={token}"],
            builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Logging.ClearProviders();
                configure?.Invoke(builder);
            });
        await host.StartAsync();
        return host;
    }

    /// <summary>A client of the host that sends the bearer token.</summary>
    public static HttpClient ClientOf(WebApplication host, string token)
    {
        var client = host.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Queries the first page of 100 members through the host's store and returns how many match in all.</summary>
    public static async Task<int> CountAsync(WebApplication host, string organization, ScimFilter? filter, ScimSort? sort)
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var page = (await store.QueryAsync(organization, new ScimMemberQuery(filter, ScimPage.Of(1, 100), sort))).Value;
        return page.TotalResults;
    }

    /// <summary>Sends a SCIM body and reads the whole answer, which must be a success.</summary>
    public static async Task SendAsync(HttpClient client, HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/scim+json") };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}.");
        }

        _ = await response.Content.ReadAsByteArrayAsync();
    }
}
