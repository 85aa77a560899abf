using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Two instances of the sample host as real processes on one database, as behind a load balancer: every guarantee
/// holds across processes, and a killed instance loses nothing it acknowledged.
/// </summary>
/// <remarks>The in-process per-id lock of each instance cannot serialize the other's requests: only the database can.</remarks>
public abstract class MultipleInstanceTests(TwoInstances instances)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private SampleHostProcess A => instances.A;

    private SampleHostProcess B => instances.B;

    [SkippableFact]
    public async Task BothInstances_StartedTogetherOnAnEmptyDatabase_Serve()
    {
        SkipUnlessAvailable();

        foreach (var host in new[] { A, B })
        {
            var list = await host.Client.GetAsync("/Users?count=0");
            list.Status.Should().Be(200);
            ((string?)list.Json["schemas"]![0]).Should().Be("urn:ietf:params:scim:api:messages:2.0:ListResponse");
            host.StartOutput.Should().NotContain("warn:").And.NotContain("fail:").And.NotContain("Exception");
        }
    }

    [SkippableFact]
    public async Task RacingPosts_OfOneUserName_OnBothInstances_CreateExactlyOnce()
    {
        SkipUnlessAvailable();
        var userName = Payloads.NewUserName("Racer");

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? A : B).Client.PostAsync("/Users", Payloads.OktaCreate(i % 4 < 2 ? userName : userName.ToUpperInvariant(), $"ext-{i}"))));

        answers.Count(a => a.Status == 201).Should().Be(1, "the userName is unique per organization, whichever instance is asked");
        foreach (var conflict in answers.Where(a => a.Status != 201))
        {
            conflict.ShouldBeError(409, "uniqueness");
        }

        (await A.Client.FilterByUserNameAsync(userName)).ShouldBeList(1);
        (await B.Client.FilterByUserNameAsync(userName)).ShouldBeList(1);
    }

    [SkippableFact]
    public async Task ConcurrentPatches_OfDifferentAttributes_OnBothInstances_LoseNoAcknowledgedUpdate()
    {
        SkipUnlessAvailable();
        var created = (await A.Client.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("NoLoss"), "ext-no-loss"))).ShouldBeUser(201);
        var id = created.Id;
        string[] paths =
        [
            "title", "nickName", "userType", "preferredLanguage", "locale", "timezone", "profileUrl", "displayName",
            $"{Enterprise}:employeeNumber", $"{Enterprise}:costCenter", $"{Enterprise}:organization", $"{Enterprise}:division",
            $"{Enterprise}:department",
        ];

        var answers = await Task.WhenAll(paths.Select((path, i) => (i % 2 == 0 ? A : B).Client.PatchAsync($"/Users/{id}", Replace(path, $"value-{i}"))));

        // Each instance serializes its own requests; across instances the database decides, and a request that lost
        // every retry is a 409 that changed nothing (the provider sends it again). What was acknowledged is kept.
        answers.Should().Contain(a => a.Status == 200);
        foreach (var refused in answers.Where(a => a.Status != 200))
        {
            refused.ShouldBeError(409);
        }

        foreach (var host in new[] { A, B })
        {
            var user = (await host.Client.GetAsync($"/Users/{id}")).ShouldBeUser().Json;
            for (var i = 0; i < paths.Length; i++)
            {
                if (answers[i].Status == 200)
                {
                    ValueAt(user, paths[i]).Should().Be($"value-{i}", $"the PATCH of {paths[i]} was acknowledged, so it must not be lost");
                    ValueAt(answers[i].Json, paths[i]).Should().Be($"value-{i}");
                }
                else
                {
                    // Okta's create sends some of these (locale "en-US"): a refused PATCH leaves the value as created.
                    ValueAt(user, paths[i]).Should().Be(ValueAt(created.Json, paths[i]), $"the PATCH of {paths[i]} was refused, so it changed nothing");
                }
            }
        }
    }

    [SkippableFact]
    public async Task DeactivationStorm_OnBothInstances_NeverFailsAndNeverLeavesAMemberInBothTables()
    {
        SkipUnlessAvailable();
        var userName = Payloads.NewUserName("Storm");
        var id = (await A.Client.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-storm"))).ShouldBeUser(201).Id;

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? A : B).Client.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(i % 3 == 0))));

        answers.Should().Contain(a => a.Status == 200).And.OnlyContain(a => a.Status == 200 || a.Status == 409, "never a server error");
        var final = (await B.Client.GetAsync($"/Users/{id}")).ShouldBeUser();
        (await A.Client.GetAsync($"/Users/{id}")).ETag.Should().Be(final.ETag);
        answers.Select(a => a.ETag).Should().Contain(final.ETag, "the last change acknowledged is the state both instances read");

        await using var db = Context();
        var rows = await db.Memberships.CountAsync(m => m.ScimId == id);
        var records = await db.InactiveMemberships.CountAsync(r => r.ScimId == id);
        (rows, records).Should().Be(final.Active ? (1, 0) : (0, 1), "a member is in exactly one of the two tables");
    }

    [SkippableFact]
    public async Task StaleIfMatch_AfterAChangeOnTheOtherInstance_Is412AndChangesNothing()
    {
        SkipUnlessAvailable();
        var created = (await A.Client.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Stale"), "ext-stale"))).ShouldBeUser(201);
        var changed = (await B.Client.PatchAsync($"/Users/{created.Id}", Replace("title", "Changed on B"))).ShouldBeUser();

        var stale = await A.Client.PatchAsync(
            $"/Users/{created.Id}",
            Payloads.OktaSetActive(false),
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", created.ETag));

        stale.ShouldBeError(412);
        var after = (await A.Client.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
        after.ETag.Should().Be(changed.ETag);
        after.Active.Should().BeTrue();
    }

    [SkippableFact]
    public async Task EveryAcknowledgedWrite_IsReadAtOnceFromTheOtherInstance()
    {
        SkipUnlessAvailable();
        var userName = Payloads.NewUserName("Visible");
        var created = (await A.Client.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-visible"))).ShouldBeUser(201);
        (await B.Client.GetAsync($"/Users/{created.Id}")).ETag.Should().Be(created.ETag);

        var writer = A;
        var reader = B;
        for (var i = 0; i < 8; i++)
        {
            var written = (await writer.Client.PatchAsync($"/Users/{created.Id}", Payloads.OktaSetActive(i % 2 == 1))).ShouldBeUser();
            var read = (await reader.Client.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
            read.ETag.Should().Be(written.ETag);
            read.Active.Should().Be(written.Active);
            (await reader.Client.FilterByUserNameAsync(userName)).ShouldBeList(1);
            (writer, reader) = (reader, writer);
        }

        (await B.Client.DeleteAsync($"/Users/{created.Id}")).Status.Should().Be(204);
        (await A.Client.GetAsync($"/Users/{created.Id}")).ShouldBeError(404);
    }

    [SkippableFact]
    public async Task AnInstanceKilledWhileWriting_LosesNothingItAcknowledged()
    {
        SkipUnlessAvailable();
        await using var doomed = await instances.StartAnotherAsync();
        var acknowledged = new List<ScimAnswer>();
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 500 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var answer = await doomed.Client.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Killed"), $"ext-killed-{i}"));
                    if (answer.Status == 201)
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(answer);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    return; // The instance is gone: this request was never acknowledged.
                }
            }
        });

        // Kill it in the middle of a stream of writes, with requests in flight.
        while (true)
        {
            lock (acknowledged)
            {
                if (acknowledged.Count >= 20)
                {
                    break;
                }
            }

            await Task.Delay(10);
        }

        await doomed.KillAsync();
        await writing;
        stop.Cancel();

        acknowledged.Should().HaveCountGreaterThanOrEqualTo(20);
        foreach (var created in acknowledged)
        {
            var read = (await B.Client.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
            read.ETag.Should().Be(created.ETag);
            WithoutLocation(read.Json).Should().Be(WithoutLocation(created.Json), "what the killed instance acknowledged is exactly what the other reads");
        }

        (await B.Client.GetAsync("/Users?count=1000")).Json["totalResults"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(acknowledged.Count);
    }

    private static string Replace(string path, string value) =>
        new JsonObject
        {
            ["schemas"] = new JsonArray(Payloads.PatchOp),
            ["Operations"] = new JsonArray(new JsonObject { ["op"] = "Replace", ["path"] = path, ["value"] = value }),
        }.ToJsonString();

    private static string? ValueAt(JsonNode user, string path) =>
        path.StartsWith(Enterprise, StringComparison.Ordinal)
            ? (string?)user[Enterprise]?[path[(Enterprise.Length + 1)..]]
            : (string?)user[path];

    /// <summary>The resource less <c>meta.location</c>, which names the instance that answered, and an empty <c>groups</c>.</summary>
    private static string WithoutLocation(JsonNode user)
    {
        var copy = ScimState.WithoutEmptyGroups(user);
        copy["meta"]!.AsObject().Remove("location");
        return copy.ToJsonString();
    }

    private MembershipDbContext Context() =>
        new StorageConfiguration(instances.Engine == Engine.Sqlite ? StorageProvider.Sqlite : StorageProvider.PostgreSql, instances.Database.ConnectionString).CreateContext();

    private void SkipUnlessAvailable() => Skip.IfNot(TestDatabase.IsAvailable(instances.Engine), TestDatabase.UnavailableReason);

    /// <summary>On one SQLite file.</summary>
    public sealed class OnSqlite(TwoInstances.OnSqlite instances) : MultipleInstanceTests(instances), IClassFixture<TwoInstances.OnSqlite>;

    /// <summary>On one PostgreSQL database.</summary>
    public sealed class OnPostgreSql(TwoInstances.OnPostgreSql instances) : MultipleInstanceTests(instances), IClassFixture<TwoInstances.OnPostgreSql>;
}
