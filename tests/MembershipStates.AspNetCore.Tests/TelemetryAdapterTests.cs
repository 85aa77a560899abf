using System.Diagnostics;
using System.Diagnostics.Metrics;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The telemetry of what the sample host cannot be made to do on demand: a store that throws, commits that lose races.
/// Over a scripted store, and on the names and values the instruments use.
/// </summary>
public sealed class TelemetryAdapterTests
{
    private const string Token = "telemetry-token";
    private const string Decisions = "membership_states.decisions";
    private const string Duration = "membership_states.scim.request.duration";

    [Fact]
    public async Task Commit_WhenTheStoreThrows_EndsBothSpansInError_AndTheDurationHasTheErrorType()
    {
        var store = new ScriptedStore { Throw = new InvalidOperationException("the database went away") };
        await using var app = await StartAsync(store);
        using var recorder = new TelemetryRecorder(app.Services);
        var member = store.Seed("u1");
        var traced = recorder.Traced(out var trace);

        (await Client(app).PatchAsync($"/Users/{member}", Payloads.OktaSetActive(false), configure: traced)).ShouldBeError(500);

        var request = await recorder.SpanAsync(trace, "SCIM Users.Patch");
        request.Status.Should().Be(ActivityStatusCode.Error);
        request.GetTagItem("http.response.status_code").Should().Be(500);
        request.GetTagItem("error.type").Should().Be("System.InvalidOperationException");

        var commit = recorder.SpansOf(trace).Should().ContainSingle(s => s.DisplayName == "SCIM commit").Subject;
        commit.ParentSpanId.Should().Be(request.SpanId);
        commit.Status.Should().Be(ActivityStatusCode.Error);
        commit.GetTagItem("error.type").Should().Be("System.InvalidOperationException");
        commit.GetTagItem("membership_states.commit.result").Should().BeNull("the store answered nothing");
        commit.Events.Should().ContainSingle(e => e.Name == "exception");

        var duration = await recorder.MeasurementAsync(Duration, m => Equals(m.Tag("membership_states.scim.operation"), "Users.Patch"));
        duration.Tag("http.response.status_code").Should().Be(500);
        duration.Tag("error.type").Should().Be("System.InvalidOperationException");
        recorder.Of(Decisions).Should().BeEmpty("no decision settled the request");
    }

    [Fact]
    public async Task Commit_WhenTheStoreLosesARace_HasASpanPerAttempt_AndCountsOneDecision()
    {
        var store = new ScriptedStore(ScimCommitResult.VersionConflict, ScimCommitResult.Committed);
        await using var app = await StartAsync(store);
        using var recorder = new TelemetryRecorder(app.Services);
        var member = store.Seed("u1");
        var traced = recorder.Traced(out var trace);

        (await Client(app).PatchAsync($"/Users/{member}", Payloads.OktaSetActive(false), configure: traced)).ShouldBeUser();

        var request = await recorder.SpanAsync(trace, "SCIM Users.Patch");
        recorder.SpansOf(trace).Where(s => s.DisplayName == "SCIM commit")
            .OrderBy(s => s.StartTimeUtc)
            .Select(s => s.GetTagItem("membership_states.commit.result"))
            .Should().Equal("version_conflict", "committed");
        recorder.SpansOf(trace).Where(s => s.DisplayName == "SCIM commit").Should().OnlyContain(s => s.ParentSpanId == request.SpanId);

        var decision = recorder.Of(Decisions).Should().ContainSingle("the request is counted once, by the decision that settled it").Subject;
        decision.Tag("membership_states.command").Should().Be("deactivate");
        decision.Tag("membership_states.commit.result").Should().Be("committed");
    }

    [Fact]
    public async Task Commit_WithIfMatch_WhenTheStoreLosesARace_CountsTheDecisionWithTheStoresAnswer()
    {
        var store = new ScriptedStore(ScimCommitResult.VersionConflict);
        await using var app = await StartAsync(store);
        using var recorder = new TelemetryRecorder(app.Services);
        var member = store.Seed("u1");

        (await Client(app).PatchAsync(
            $"/Users/{member}",
            Payloads.OktaSetActive(false),
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""))).ShouldBeError(412);

        var decision = recorder.Of(Decisions).Should().ContainSingle().Subject;
        decision.Tag("membership_states.outcome").Should().Be("updated", "that was the decision; the store refused it");
        decision.Tag("membership_states.commit.result").Should().Be("version_conflict");
    }

    [Fact]
    public void StartRequest_WhenNobodyListensToTheMeter_TakesNoTimestamp()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new ScimTelemetry(services.GetRequiredService<IMeterFactory>());
        var endpoint = new ScimEndpoint("Users.Read", 2, readsBody: false, _ => throw new InvalidOperationException());

        var scope = telemetry.StartRequest(endpoint);
        scope.Activity?.Dispose();

        scope.StartTimestamp.Should().Be(0, "the duration is measured only while its histogram is listened to");
    }

    [Fact]
    public void AttributeValues_AreTheSnakeCaseNamesOfEveryDefinedValue_AndOtherwiseOther()
    {
        foreach (var command in Enum.GetValues<MembershipCommandKind>())
        {
            ScimTelemetry.NameOf(command).Should().Be(SnakeCase(command.ToString()));
        }

        foreach (var outcome in Enum.GetValues<MembershipOutcome>())
        {
            ScimTelemetry.NameOf(outcome).Should().Be(SnakeCase(outcome.ToString()));
        }

        foreach (var state in Enum.GetValues<MembershipState>())
        {
            ScimTelemetry.NameOf(state).Should().Be(SnakeCase(state.ToString()));
        }

        foreach (var result in Enum.GetValues<ScimCommitResult>())
        {
            ScimTelemetry.NameOf(result).Should().Be(SnakeCase(result.ToString()));
        }

        ScimTelemetry.NameOf((ScimCommitResult)42).Should().Be("_OTHER", "a store may return an undefined value");
        ScimTelemetry.NameOf((MembershipOutcome)(-1)).Should().Be("_OTHER");
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static ScimClient Client(WebApplication app) => new(app.GetTestClient(), "/scim/v2/organizations/org", Token);

    private static async Task<WebApplication> StartAsync(ScriptedStore store)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IScimMemberStore>(store);
        builder.Services.AddSingleton<IScimOrganizationResolver, FixedResolver>();
        builder.Services.AddMembershipStates();
        var app = builder.Build();
        app.MapMembershipStates();
        await app.StartAsync();
        return app;
    }

    private sealed class FixedResolver : IScimOrganizationResolver
    {
        public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(routeOrganization == "org" && bearerToken == Token ? "org-key" : null);
    }

    /// <summary>One member in memory; commits answer from a script, or throw.</summary>
    private sealed class ScriptedStore(params ScimCommitResult[] script) : IScimMemberStore
    {
        private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private readonly Queue<ScimCommitResult> _script = new(script);
        private ScimMember? _member;

        public Exception? Throw { get; init; }

        public string Seed(string id)
        {
            _member = new ScimMember(MembershipSnapshot.Active(id, 1, Then, Then), new ScimUser { UserName = $"{id}@example.com" });
            return id;
        }

        public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(_member?.Membership.Id == id ? _member : null);

        public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ScimMember?>(null);

        public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(ScimResult.Success(ScimMemberPage.Of([], 0)));

        public Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            var result = _script.Count > 0 ? _script.Dequeue() : ScimCommitResult.Committed;
            if (result == ScimCommitResult.Committed && decision.Next.Exists)
            {
                _member = new ScimMember(decision.Next, attributes!);
            }

            return Task.FromResult(result);
        }
    }
}
