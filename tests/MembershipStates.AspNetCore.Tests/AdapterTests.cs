using System.Collections.Concurrent;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>The adapter over a scripted store: retries, failures, logging, options, registration.</summary>
public sealed class AdapterTests
{
    private const string Token = "adapter-token";

    [Fact]
    public async Task Put_WhenTheStoreLosesARace_ReadsDecidesAndCommitsAgain()
    {
        var store = new ScriptedStore(ScimCommitResult.VersionConflict, ScimCommitResult.Committed);
        await using var app = await StartAsync(store);
        var member = store.Seed("u1", "race@example.com");

        var answer = await Client(app).PutAsync($"/Users/{member.Id}", Payloads.OktaSpecUser("race@example.com", "Changed"));

        answer.ShouldBeUser();
        store.Commits.Should().Be(2);
        store.Reads.Should().Be(2, "a retry reads the member again before deciding again");
    }

    [Fact]
    public async Task Put_WhenTheStoreKeepsLosingRaces_Is409AfterTheRetries()
    {
        var store = new ScriptedStore(Enumerable.Repeat(ScimCommitResult.VersionConflict, 10).ToArray());
        await using var app = await StartAsync(store, options => options.MaxConflictRetries = 2);
        var member = store.Seed("u1", "loser@example.com");

        var answer = await Client(app).PutAsync($"/Users/{member.Id}", Payloads.OktaSpecUser("loser@example.com", "Changed"));

        answer.ShouldBeError(409);
        answer.Json.AsObject().ContainsKey("scimType").Should().BeFalse("losing races is no uniqueness conflict, which a provider would act on");
        store.Commits.Should().Be(3, "one attempt and two retries");
    }

    [Fact]
    public async Task Put_WithIfMatch_WhenTheStoreLosesARace_Is412WithoutRetry()
    {
        var store = new ScriptedStore(ScimCommitResult.VersionConflict, ScimCommitResult.Committed);
        await using var app = await StartAsync(store);
        var member = store.Seed("u1", "tagged@example.com");

        var answer = await Client(app).PutAsync(
            $"/Users/{member.Id}",
            Payloads.OktaSpecUser("tagged@example.com", "Changed"),
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""));

        answer.ShouldBeError(412);
        store.Commits.Should().Be(1);
    }

    [Theory]
    [InlineData(true, "Deactivate")]
    [InlineData(false, "Reactivate")]
    public async Task Patch_WhenTheStoreKeepsLosingRaces_LogsTheDecidedCommand(bool active, string command)
    {
        var store = new ScriptedStore(Enumerable.Repeat(ScimCommitResult.VersionConflict, 10).ToArray());
        var logs = new ListLogger();
        await using var app = await StartAsync(store, options => options.MaxConflictRetries = 1, logging => logging.AddProvider(logs));
        var member = store.Seed("u1", "raced@example.com", active);

        (await Client(app).PatchAsync($"/Users/{member.Id}", Payloads.OktaSetActive(!active))).ShouldBeError(409);

        logs.Lines.Should().ContainSingle(line => line.Contains("after 2 attempts", StringComparison.Ordinal))
            .Which.Should().StartWith($"SCIM {command} in organization org-key:", "the log names what was decided, not the HTTP method's usual command");
    }

    [Fact]
    public async Task Post_WhenAConcurrentCreationWins_DecidesAgainAndAnswers409()
    {
        var store = new ScriptedStore(ScimCommitResult.UniquenessViolation);
        store.OnCommit = () => store.Seed("winner", "raced@example.com");
        await using var app = await StartAsync(store);

        var answer = await Client(app).PostAsync("/Users", Payloads.OktaSpecUser("Raced@example.com"));

        answer.ShouldBeError(409, "uniqueness");
        store.Commits.Should().Be(1, "the second decision sees the winner and commits nothing");
    }

    [Fact]
    public async Task Patch_UserNameOfAnotherMember_Is409WithoutRetry()
    {
        var store = new ScriptedStore(ScimCommitResult.UniquenessViolation, ScimCommitResult.Committed);
        await using var app = await StartAsync(store);
        var member = store.Seed("u1", "mine@example.com");

        var answer = await Client(app).PutAsync($"/Users/{member.Id}", Payloads.OktaSpecUser("theirs@example.com"));

        answer.ShouldBeError(409, "uniqueness");
        store.Commits.Should().Be(1);
    }

    [Fact]
    public async Task AnyRequest_WhenTheStoreThrows_Is500ScimErrorWithoutDetails()
    {
        var store = new ScriptedStore { Throw = new InvalidOperationException("connection string secret=hunter2") };
        var logs = new ListLogger();
        await using var app = await StartAsync(store, configureLogging: logging => logging.AddProvider(logs));

        var answer = await Client(app).GetAsync("/Users/u1");

        answer.ShouldBeError(500);
        answer.Body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException");
        logs.Lines.Should().Contain(line => line.Contains("answered 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_WritesOneStructuredLogLine()
    {
        var store = new ScriptedStore();
        var logs = new ListLogger();
        await using var app = await StartAsync(store, configureLogging: logging => logging.AddProvider(logs));
        var member = store.Seed("u1", "logged@example.com");

        var deactivate = Payloads.OktaSpecUser("logged@example.com").Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal);
        (await Client(app).PutAsync($"/Users/{member.Id}", deactivate)).ShouldBeUser().Active.Should().BeFalse();

        logs.Lines.Where(line => line.StartsWith("SCIM ", StringComparison.Ordinal) && line.Contains("->", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Be($"SCIM Deactivate in organization org-key: member u1 Active -> Inactive, version 2 (Updated)");
    }

    [Fact]
    public async Task Resolver_SeesTheRouteOrganizationAndTheBearerToken()
    {
        var store = new ScriptedStore();
        await using var app = await StartAsync(store);

        (await Client(app, token: "wrong").GetAsync("/Users")).ShouldBeError(401);
        (await new ScimClient(app.GetTestClient(), "/scim/v2/organizations/other", Token).GetAsync("/Users")).ShouldBeError(401);
        (await Client(app).GetAsync("/Users")).ShouldBeList(0);
        store.Organizations.Should().OnlyContain(o => o == "org-key");
    }

    [Theory]
    [InlineData(0L, 10)]
    [InlineData(1024L, -1)]
    [InlineData(1024L, 11)]
    public async Task Start_WithInvalidOptions_Fails(long maxBody, int retries)
    {
        var start = () => StartAsync(new ScriptedStore(), options =>
        {
            options.MaxRequestBodySize = maxBody;
            options.MaxConflictRetries = retries;
        });

        await start.Should().ThrowAsync<OptionsValidationException>();
    }

    [Fact]
    public async Task SmallBodyLimit_Is413ScimError()
    {
        await using var app = await StartAsync(new ScriptedStore(), options => options.MaxRequestBodySize = 64);

        (await Client(app).PostAsync("/Users", Payloads.OktaSpecUser("long-enough-to-exceed-sixty-four-bytes@example.com"))).ShouldBeError(413);
    }

    [Fact]
    public void MapMembershipStates_WithoutRegistrations_ExplainsWhatIsMissing()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMembershipStates();
        var app = builder.Build();

        var map = () => app.MapMembershipStates();

        map.Should().Throw<InvalidOperationException>().WithMessage("*IScimMemberStore*");
    }

    [Fact]
    public void MapMembershipStates_WithoutAddMembershipStates_ExplainsWhatIsMissing()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();

        var map = () => app.MapMembershipStates();

        map.Should().Throw<InvalidOperationException>().WithMessage("*AddMembershipStates*");
    }

    [Fact]
    public async Task KeyedLocks_AreDroppedWhenReleased()
    {
        var locks = new KeyedLocks();
        Task<KeyedLocks.Holder> waiting;
        using (await locks.AcquireAsync("a", CancellationToken.None))
        {
            waiting = locks.AcquireAsync("a", CancellationToken.None).AsTask();
            waiting.IsCompleted.Should().BeFalse("the key is held");
            locks.Count.Should().Be(1);
        }

        (await waiting).Dispose();
        locks.Count.Should().Be(0);

        using var cancelled = new CancellationTokenSource();
        using (await locks.AcquireAsync("b", CancellationToken.None))
        {
            var abandoned = locks.AcquireAsync("b", cancelled.Token).AsTask();
            await cancelled.CancelAsync();
            await abandoned.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        }

        locks.Count.Should().Be(0, "a cancelled waiter leaves nothing behind");
    }

    private static ScimClient Client(WebApplication app, string token = Token) =>
        new(app.GetTestClient(), "/scim/v2/organizations/org", token);

    private static async Task<WebApplication> StartAsync(
        ScriptedStore store,
        Action<MembershipStatesOptions>? configure = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IScimMemberStore>(store);
        builder.Services.AddSingleton<IScimOrganizationResolver, FixedResolver>();
        builder.Services.AddMembershipStates(configure);
        var app = builder.Build();
        app.MapMembershipStates();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private sealed class FixedResolver : IScimOrganizationResolver
    {
        public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(routeOrganization == "org" && bearerToken == Token ? "org-key" : null);
    }

    /// <summary>An in-memory store whose commits answer from a script.</summary>
    private sealed class ScriptedStore(params ScimCommitResult[] script) : IScimMemberStore
    {
        private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private readonly ConcurrentDictionary<string, ScimMember> _members = new();
        private readonly Queue<ScimCommitResult> _script = new(script);

        public int Reads { get; private set; }

        public int Commits { get; private set; }

        public ConcurrentBag<string> Organizations { get; } = [];

        public Exception? Throw { get; init; }

        public Action? OnCommit { get; set; }

        public ScimMember Seed(string id, string userName, bool active = true)
        {
            var membership = active ? MembershipSnapshot.Active(id, 1, Then, Then) : MembershipSnapshot.Inactive(id, 1, Then, Then, Then);
            var member = new ScimMember(membership, new ScimUser { UserName = userName, Active = active });
            _members[id] = member;
            return member;
        }

        public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
        {
            Organizations.Add(organization);
            Reads++;
            if (Throw is not null)
            {
                throw Throw;
            }

            return Task.FromResult(_members.GetValueOrDefault(id));
        }

        public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default)
        {
            Organizations.Add(organization);
            Reads++;
            return Task.FromResult(_members.Values.FirstOrDefault(m => string.Equals(m.Attributes.UserName, userName, StringComparison.OrdinalIgnoreCase)));
        }

        public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default)
        {
            Organizations.Add(organization);
            return Task.FromResult(ScimResult.Success(ScimMemberPage.Of([], 0)));
        }

        public Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
        {
            Organizations.Add(organization);
            Commits++;
            var result = _script.Count > 0 ? _script.Dequeue() : ScimCommitResult.Committed;
            OnCommit?.Invoke();
            if (result == ScimCommitResult.Committed)
            {
                if (decision.Next.Exists)
                {
                    _members[decision.Next.Id!] = new ScimMember(decision.Next, attributes!);
                }
                else
                {
                    _members.TryRemove(decision.Previous.Id!, out _);
                }
            }

            return Task.FromResult(result);
        }
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
