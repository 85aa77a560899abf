using System.Diagnostics;
using System.Diagnostics.Metrics;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The meter and the spans of the SCIM endpoints, read from the real sample host as an OpenTelemetry SDK would read
/// them: decisions by command and outcome, durations by operation and status code, a span per request and per commit.
/// </summary>
public sealed class TelemetryTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private const string Decisions = "membership_states.decisions";
    private const string Duration = "membership_states.scim.request.duration";

    [Fact]
    public async Task DeactivatePatch_CountsOneCommittedDeactivateDecision()
    {
        var id = await CreateAsync();
        using var recorder = new TelemetryRecorder(host.Services);

        (await host.Client().PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser().Active.Should().BeFalse();

        // The decision is counted before the answer is written: it is there when the answer arrives.
        var decision = recorder.Of(Decisions).Should().ContainSingle().Subject;
        decision.Value.Should().Be(1);
        decision.Tags.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["membership_states.command"] = "deactivate",
            ["membership_states.outcome"] = "updated",
            ["membership_states.state.previous"] = "active",
            ["membership_states.state.next"] = "inactive",
            ["membership_states.commit.result"] = "committed",
        });
    }

    [Fact]
    public async Task RepeatedDeactivate_CountsAnUnchangedDecisionThatCommittedNothing()
    {
        var id = await CreateAsync();
        (await host.Client().PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser();
        using var recorder = new TelemetryRecorder(host.Services);

        (await host.Client().PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser().Active.Should().BeFalse();

        var decision = recorder.Of(Decisions).Should().ContainSingle().Subject;
        decision.Tag("membership_states.command").Should().Be("deactivate");
        decision.Tag("membership_states.outcome").Should().Be("unchanged");
        decision.Tag("membership_states.state.previous").Should().Be("inactive");
        decision.Tag("membership_states.state.next").Should().Be("inactive");
        decision.Tags.Should().NotContainKey("membership_states.commit.result", "an unchanged decision is not committed");
    }

    [Fact]
    public async Task ReadOfAnUnknownId_CountsANotFoundReadDecision()
    {
        using var recorder = new TelemetryRecorder(host.Services);

        (await host.Client().GetAsync($"/Users/{Guid.NewGuid()}")).ShouldBeError(404);

        var decision = recorder.Of(Decisions).Should().ContainSingle().Subject;
        decision.Tag("membership_states.command").Should().Be("read");
        decision.Tag("membership_states.outcome").Should().Be("not_found");
        decision.Tag("membership_states.state.previous").Should().Be("not_member");
    }

    [Fact]
    public async Task RequestRefusedBeforeAnyDecision_CountsNoDecision()
    {
        var id = await CreateAsync();
        using var recorder = new TelemetryRecorder(host.Services);

        (await host.Client().PatchAsync($"/Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"frobnicate"}]}"""))
            .ShouldBeError(400);
        (await host.Client(token: "wrong").GetAsync($"/Users/{id}")).ShouldBeError(401);

        await recorder.MeasurementAsync(Duration, m => Equals(m.Tag("http.response.status_code"), 401));
        recorder.Of(Decisions).Should().BeEmpty();
    }

    [Theory]
    [InlineData("create", "Users.Create", 201)]
    [InlineData("read unknown", "Users.Read", 404)]
    [InlineData("list without token", "Users.List", 401)]
    [InlineData("patch", "Users.Patch", 200)]
    [InlineData("delete", "Users.Delete", 204)]
    [InlineData("groups", "Groups.List", 200)]
    [InlineData("service provider config", "ServiceProviderConfig.Read", 200)]
    [InlineData("unknown path", "Unmatched", 404)]
    [InlineData("bulk", "Unmatched", 501)]
    public async Task EveryRequest_RecordsItsDurationByOperationAndStatusCode(string request, string operation, int status)
    {
        var id = request is "patch" or "delete" ? await CreateAsync() : null;
        using var recorder = new TelemetryRecorder(host.Services);
        var started = Stopwatch.StartNew();

        var client = host.Client();
        var answer = request switch
        {
            "create" => await client.PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName())),
            "read unknown" => await client.GetAsync($"/Users/{Guid.NewGuid()}"),
            "list without token" => await host.Client(token: "wrong").GetAsync("/Users"),
            "patch" => await client.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false)),
            "delete" => await client.DeleteAsync($"/Users/{id}"),
            "groups" => await client.GetAsync("/Groups"),
            "service provider config" => await client.GetAsync("/ServiceProviderConfig"),
            "unknown path" => await client.GetAsync("/Nothing/Here"),
            "bulk" => await client.PostAsync("/Bulk", "{}"),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        answer.Status.Should().Be(status);

        var duration = await recorder.MeasurementAsync(Duration, m => Equals(m.Tag("membership_states.scim.operation"), operation));
        var expected = new Dictionary<string, object?>
        {
            ["membership_states.scim.operation"] = operation,
            ["http.response.status_code"] = status,
        };
        if (status >= 500)
        {
            // OpenTelemetry's HTTP server conventions: a 5xx answer without an exception is an error of its status code.
            expected["error.type"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        duration.Tags.Should().BeEquivalentTo(expected, "an answer below 500 is no error");
        duration.Value.Should().BePositive().And.BeLessThanOrEqualTo(started.Elapsed.TotalSeconds, "it is in seconds");
    }

    [Fact]
    public async Task Change_HasARequestSpanUnderTheServersSpan_AndACommitSpanUnderIt()
    {
        var id = await CreateAsync();
        using var recorder = new TelemetryRecorder(host.Services);
        var traced = recorder.Traced(out var trace);

        (await host.Client().PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false), configure: traced)).ShouldBeUser();

        var request = await recorder.SpanAsync(trace, "SCIM Users.Patch");
        request.Source.Name.Should().Be(MembershipStatesTelemetry.ActivitySourceName);
        request.Kind.Should().Be(ActivityKind.Internal, "ASP.NET Core's span is the server span");
        request.Status.Should().Be(ActivityStatusCode.Unset);
        request.TagObjects.Should().Contain(
        [
            new("membership_states.scim.operation", "Users.Patch"),
            new("membership_states.organization", SampleHostFixture.Acme),
            new("membership_states.member.id", id),
            new("membership_states.command", "deactivate"),
            new("membership_states.outcome", "updated"),
            new("membership_states.commit.result", "committed"),
            new("http.response.status_code", 200),
        ]);

        var server = recorder.SpansOf(trace).Should().ContainSingle(s => s.Source.Name == TelemetryRecorder.AspNetCoreSource).Subject;
        server.Kind.Should().Be(ActivityKind.Server);
        request.ParentSpanId.Should().Be(server.SpanId);

        var commit = recorder.SpansOf(trace).Should().ContainSingle(s => s.DisplayName == "SCIM commit").Subject;
        commit.Kind.Should().Be(ActivityKind.Internal);
        commit.ParentSpanId.Should().Be(request.SpanId);
        commit.Status.Should().Be(ActivityStatusCode.Unset);
        commit.TagObjects.Should().Contain(
        [
            new("membership_states.organization", SampleHostFixture.Acme),
            new("membership_states.member.id", id),
            new("membership_states.command", "deactivate"),
            new("membership_states.outcome", "updated"),
            new("membership_states.state.previous", "active"),
            new("membership_states.state.next", "inactive"),
            new("membership_states.commit.result", "committed"),
        ]);
    }

    [Fact]
    public async Task Read_HasARequestSpanAndNoCommitSpan()
    {
        var id = await CreateAsync();
        using var recorder = new TelemetryRecorder(host.Services);
        var traced = recorder.Traced(out var trace);

        (await host.Client().GetAsync($"/Users/{id}", traced)).ShouldBeUser();

        var request = await recorder.SpanAsync(trace, "SCIM Users.Read");
        request.GetTagItem("membership_states.command").Should().Be("read");
        request.GetTagItem("membership_states.outcome").Should().Be("unchanged");
        request.GetTagItem("membership_states.member.id").Should().Be(id);
        request.GetTagItem("http.response.status_code").Should().Be(200);
        recorder.SpansOf(trace).Where(s => s.Source.Name == MembershipStatesTelemetry.ActivitySourceName)
            .Should().ContainSingle("a read commits nothing").Which.Should().BeSameAs(request);
    }

    [Fact]
    public async Task UnauthorizedRequest_HasASpanWithoutOrganization_NotInError()
    {
        using var recorder = new TelemetryRecorder(host.Services);
        var traced = recorder.Traced(out var trace);

        (await host.Client(token: "wrong").GetAsync("/Users", traced)).ShouldBeError(401);

        var request = await recorder.SpanAsync(trace, "SCIM Users.List");
        request.GetTagItem("http.response.status_code").Should().Be(401);
        request.GetTagItem("membership_states.organization").Should().BeNull("the request was not authenticated for any organization");
        request.GetTagItem("error.type").Should().BeNull();
        request.Status.Should().Be(ActivityStatusCode.Unset, "a 4xx answer is the client's error, not the server's (OpenTelemetry's HTTP server conventions)");
    }

    [Fact]
    public async Task Instruments_AreTheMembershipStatesMetersTwo_AndNoOtherMeterRecordsOurs()
    {
        var id = await CreateAsync();
        using var recorder = new TelemetryRecorder(host.Services);

        (await host.Client().PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser();
        await recorder.MeasurementAsync(Duration, m => Equals(m.Tag("membership_states.scim.operation"), "Users.Patch"));

        var ours = recorder.Instruments.Where(i => i.Meter.Name == MembershipStatesTelemetry.MeterName).ToList();
        ours.Select(i => (i.Name, i.GetType(), i.Unit)).Should().BeEquivalentTo(
        [
            (Decisions, typeof(Counter<long>), "{decision}"),
            (Duration, typeof(Histogram<double>), "s"),
        ]);
        ours.Should().OnlyContain(i => !string.IsNullOrEmpty(i.Description));

        // The host's other meters (ASP.NET Core's among them) are listened to as well, and carry none of ours.
        await recorder.AnyMeasurementAsync("http.server.request.duration");
        var others = recorder.Measurements.Where(m => m.Meter != MembershipStatesTelemetry.MeterName).ToList();
        recorder.Instruments.Where(i => i.Meter.Name != MembershipStatesTelemetry.MeterName)
            .Should().NotContain(i => i.Name.StartsWith("membership_states.", StringComparison.Ordinal));
        others.Should().NotContain(m => m.Tags.Keys.Any(k => k.StartsWith("membership_states.", StringComparison.Ordinal)));
        recorder.Measurements.Where(m => m.Instrument.StartsWith("membership_states.", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(m => m.Meter == MembershipStatesTelemetry.MeterName);
    }

    private async Task<string> CreateAsync() =>
        (await host.Client().PostAsync("/Users", Payloads.OktaSpecUser(Payloads.NewUserName("Telemetry")))).ShouldBeUser(201).Id;
}
