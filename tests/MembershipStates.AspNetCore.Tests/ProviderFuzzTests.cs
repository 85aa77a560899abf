using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Groups;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Mutated Okta and Entra ID requests, recorded from their documentation, sent to the running sample host: never a
/// 5xx, every 4xx a SCIM error, and a refused request never changes the member. Seeded and bounded, so that a failure
/// is the same failure on the next run.
/// </summary>
public abstract class ProviderFuzzTests(SampleHostFixture host)
{
    private const int Seed = 20261203;
    private const int Requests = 240;

    private static readonly string[] Patches =
    [
        "okta-patch-deactivate.json", "okta-patch-reactivate.json", "entra-patch-disable.json", "entra-patch-enable.json",
        "entra-flag-patch-disable.json", "entra-flag-patch-enable.json", "entra-flag-patch-pathless.json",
        "entra-patch-replace-attributes.json", "entra-patch-manager-empty.json", "entra-patch-manager-object.json",
        "entra-patch-manager-string.json",
    ];

    private static readonly string[] Posts = ["okta-create-user.json", "okta-spec-test-create-user.json", "entra-create-user.json", "entra-create-user-enterprise.json"];

    // Pieces a mutation splices in: repeated names, wrong types, odd Unicode (as escapes and as UTF-8), deep nesting.
    private static readonly string[] Splices =
    [
        "\"schemas\":1,", "\"Operations\":{},", "\"active\":\"maybe\",", "\"op\":\"REPLACE\",", "\"path\":\"frobnicate\",",
        "\"path\":\"emails[type eq \\\"work\\\"]\",", "\"value\":null,", "\"\\ud800\"", "\"\\u0000\"", "\"İ𝒜ß\u200B\"",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{", "}", "]", ",", ":", "\"", "true", "1e400", "-0", "\"userName\":\"\",",
    ];

    private readonly ScimClient _scim = host.Client();

    [SkippableFact]
    public async Task MutatedProviderRequests_AreNever5xx_AndARefusalChangesNothing()
    {
        var random = new Random(Seed);
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Fuzz"), Guid.NewGuid().ToString()))).ShouldBeUser(201);
        var id = created.Id;
        var before = await ReadAsync(id);
        var refused = 0;
        for (var i = 0; i < Requests; i++)
        {
            var (method, path, body) = Request(random, id);
            var answer = await _scim.SendAsync(method, path, null, ScimClient.ScimJson, request =>
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ScimClient.ScimJson);
            });
            var context = $"request {i} (seed {Seed}): {method} {path} {Encoding.UTF8.GetString(body)} -> {answer.Status} {answer.Body}";
            answer.Status.Should().BeLessThan(500, context);
            if (answer.Status >= 400)
            {
                refused++;
                answer.ShouldBeError(answer.Status);
                if (method != HttpMethod.Post)
                {
                    JsonNode.DeepEquals(await ReadAsync(id), before).Should().BeTrue($"a refused request changes nothing: {context}");
                }
            }
            else if (method != HttpMethod.Post)
            {
                before = await ReadAsync(id);
            }
        }

        refused.Should().BeInRange(Requests / 10, Requests - (Requests / 10), "the mutations should be refused often, but not always");
    }

    private static (HttpMethod Method, string Path, byte[] Body) Request(Random random, string id)
    {
        var kind = random.Next(10);
        var (method, path, text) = kind switch
        {
            < 7 => (HttpMethod.Patch, $"/Users/{id}", GroupRequests.Payload(Patches[random.Next(Patches.Length)])),
            < 9 => (HttpMethod.Put, $"/Users/{id}", GroupRequests.Payload("okta-replace-user.json")
                .Replace("23a35c27-23d3-4c03-b4c5-6443c09e7173", id, StringComparison.Ordinal)),
            _ => (HttpMethod.Post, "/Users", GroupRequests.Payload(Posts[random.Next(Posts.Length)])),
        };
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            text = Mutate(random, text);
        }

        var body = Encoding.UTF8.GetBytes(text);
        if (random.Next(20) == 0 && body.Length > 0)
        {
            // Now and then a byte that is not UTF-8.
            body[random.Next(body.Length)] = (byte)random.Next(0x80, 0x100);
        }

        return (method, path, body);
    }

    private static string Mutate(Random random, string text)
    {
        if (text.Length == 0)
        {
            return Splices[random.Next(Splices.Length)];
        }

        var at = random.Next(text.Length);
        var length = Math.Min(random.Next(1, 12), text.Length - at);
        return random.Next(6) switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, Splices[random.Next(Splices.Length)]),
            2 => text.Insert(at, text.Substring(at, length)),
            3 => text[..at] + text.Substring(at, length).ToUpperInvariant() + text[(at + length)..],
            4 => text.Replace("false", "\"False\"", StringComparison.Ordinal).Replace("true", "1", StringComparison.Ordinal),
            _ => text.Insert(text.IndexOf('{', StringComparison.Ordinal) + 1, "\"schemas\":[],"),
        };
    }

    private async Task<JsonNode> ReadAsync(string id) => (await _scim.GetAsync($"/Users/{id}")).ShouldBeUser().Json;

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : ProviderFuzzTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : ProviderFuzzTests(host), IClassFixture<PostgreSqlHost>;
}
