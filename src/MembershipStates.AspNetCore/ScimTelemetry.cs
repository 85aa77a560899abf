using System.Diagnostics;
using System.Diagnostics.Metrics;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The instruments and spans of the SCIM endpoints: what is measured, under which names and attributes.
/// </summary>
/// <remarks>
/// <para>Names follow OpenTelemetry's semantic conventions: instruments and attributes of our own are lowercase,
/// dotted and under the <c>membership_states</c> namespace, so they cannot clash with a convention SCIM may get;
/// <c>http.response.status_code</c> and <c>error.type</c> are the conventions' own. Enumerated values are written in
/// snake_case (<c>update_profile</c>, <c>not_member</c>). docs/observability.md lists them all.</para>
/// <para>Every method costs a field read or two when nobody listens: no tag list, no timestamp, no span.</para>
/// <para>Thread-safe; one instance serves the application.</para>
/// </remarks>
internal sealed class ScimTelemetry
{
    public const string DecisionsName = "membership_states.decisions";
    public const string RequestDurationName = "membership_states.scim.request.duration";
    public const string CommitSpanName = "SCIM commit";

    public const string OperationAttribute = "membership_states.scim.operation";
    public const string OrganizationAttribute = "membership_states.organization";
    public const string MemberIdAttribute = "membership_states.member.id";
    public const string CommandAttribute = "membership_states.command";
    public const string OutcomeAttribute = "membership_states.outcome";
    public const string PreviousStateAttribute = "membership_states.state.previous";
    public const string NextStateAttribute = "membership_states.state.next";
    public const string CommitResultAttribute = "membership_states.commit.result";
    public const string StatusCodeAttribute = "http.response.status_code";
    public const string ErrorTypeAttribute = "error.type";

    /// <summary>The value the conventions give an enumerated attribute whose value is not one of the known ones.</summary>
    public const string OtherValue = "_OTHER";

    /// <summary>The source of the spans; static, as activity sources are meant to be, since spans carry no per-provider state.</summary>
    public static readonly ActivitySource Source = new(MembershipStatesTelemetry.ActivitySourceName, Version);

    // The bucket boundaries OpenTelemetry advises for http.server.request.duration, so both histograms compare.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly string[] Commands = ["read", "provision", "deactivate", "reactivate", "update_profile", "remove"];
    private static readonly string[] Outcomes = ["not_found", "created", "updated", "unchanged", "revived", "removed", "conflict", "precondition_failed"];
    private static readonly string[] States = ["not_member", "active", "inactive"];
    private static readonly string[] CommitResults = ["committed", "version_conflict", "uniqueness_violation"];

    // Status codes boxed once each, so that a tag is not an allocation per request.
    private static readonly object?[] BoxedStatusCodes = new object?[600];

    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _requestDuration;

    public ScimTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(MembershipStatesTelemetry.MeterName) { Version = Version });
        _decisions = meter.CreateCounter<long>(
            DecisionsName,
            unit: "{decision}",
            description: "Lifecycle decisions that settled a SCIM request, by command and outcome.");
        _requestDuration = meter.CreateHistogram(
            RequestDurationName,
            unit: "s",
            description: "Duration of SCIM requests, from authentication to the answer written.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    private static string? Version => typeof(ScimTelemetry).Assembly.GetName().Version?.ToString(3);

    /// <summary>Starts measuring a request: its span, when one is wanted, and its start, when its duration is.</summary>
    public RequestScope StartRequest(ScimEndpoint endpoint)
    {
        var activity = Source.StartActivity(endpoint.SpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationAttribute, endpoint.Operation);
        }

        return new RequestScope(activity, _requestDuration.Enabled ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>Records the organization a request was authenticated for on its span.</summary>
    public static void Authenticated(Activity? activity, string organization)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OrganizationAttribute, organization);
        }
    }

    /// <summary>Ends a request: records its duration and stops its span.</summary>
    /// <param name="scope">What <see cref="StartRequest"/> returned.</param>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="statusCode">The status code answered, or <see langword="null"/> when nothing was (the client went away).</param>
    /// <param name="failure">The exception that ended the request, if one did.</param>
    public void StopRequest(in RequestScope scope, ScimEndpoint endpoint, int? statusCode, Exception? failure)
    {
        var activity = scope.Activity;
        var timed = scope.StartTimestamp != 0 && _requestDuration.Enabled;
        if (activity is null && !timed)
        {
            return;
        }

        // As for http.server.request.duration: the exception's type when one ended the request, else a 5xx status code.
        var errorType = failure?.GetType().FullName ?? (statusCode >= 500 ? StatusCodeText(statusCode.Value) : null);
        if (timed)
        {
            var tags = new TagList { { OperationAttribute, endpoint.Operation } };
            if (statusCode is { } code)
            {
                tags.Add(StatusCodeAttribute, Boxed(code));
            }

            if (errorType is not null)
            {
                tags.Add(ErrorTypeAttribute, errorType);
            }

            _requestDuration.Record(Stopwatch.GetElapsedTime(scope.StartTimestamp).TotalSeconds, tags);
        }

        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            if (statusCode is { } code)
            {
                activity.SetTag(StatusCodeAttribute, Boxed(code));
            }

            if (errorType is not null)
            {
                activity.SetTag(ErrorTypeAttribute, errorType);
            }

            if (failure is not null)
            {
                activity.AddException(failure);
            }
        }

        if (errorType is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    /// <summary>Counts the decision that settled a request, and records it on the request's span.</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">What the request was decided to be; a request refused before any decision is not counted, and never comes here.</param>
    /// <param name="commitResult">What the store answered, when the decision was committed; <see langword="null"/> when nothing needed committing.</param>
    public void Decided(ScimRequest request, ScimUserDecision operation, ScimCommitResult? commitResult = null)
    {
        var activity = request.Activity;
        var counted = _decisions.Enabled;
        if (!counted && activity is null)
        {
            return;
        }

        var decision = operation.Decision;
        if (counted)
        {
            var tags = new TagList
            {
                { CommandAttribute, NameOf(decision.Command) },
                { OutcomeAttribute, NameOf(decision.Outcome) },
                { PreviousStateAttribute, NameOf(decision.Previous.State) },
                { NextStateAttribute, NameOf(decision.Next.State) },
            };
            if (commitResult is { } result)
            {
                tags.Add(CommitResultAttribute, NameOf(result));
            }

            _decisions.Add(1, tags);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CommandAttribute, NameOf(decision.Command));
            activity.SetTag(OutcomeAttribute, NameOf(decision.Outcome));
            activity.SetTag(MemberIdAttribute, decision.Id ?? operation.RequestedId);
            if (commitResult is { } result)
            {
                activity.SetTag(CommitResultAttribute, NameOf(result));
            }
        }
    }

    /// <summary>Starts the span of one commit of a decision to the store, a child of the request's.</summary>
    /// <returns>The span, or <see langword="null"/> when nobody listens.</returns>
    public static Activity? StartCommit(ScimRequest request, in MembershipDecision decision)
    {
        var activity = Source.StartActivity(CommitSpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OrganizationAttribute, request.Organization);
            activity.SetTag(MemberIdAttribute, decision.Id);
            activity.SetTag(CommandAttribute, NameOf(decision.Command));
            activity.SetTag(OutcomeAttribute, NameOf(decision.Outcome));
            activity.SetTag(PreviousStateAttribute, NameOf(decision.Previous.State));
            activity.SetTag(NextStateAttribute, NameOf(decision.Next.State));
        }

        return activity;
    }

    /// <summary>Records what the store answered on a commit's span.</summary>
    public static void Committed(Activity? activity, ScimCommitResult result)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CommitResultAttribute, NameOf(result));
        }
    }

    /// <summary>Records the exception the store threw on a commit's span, which then ends in error.</summary>
    public static void CommitFailed(Activity activity, Exception exception)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(ErrorTypeAttribute, exception.GetType().FullName);
            activity.AddException(exception);
        }

        activity.SetStatus(ActivityStatusCode.Error);
    }

    internal static string NameOf(MembershipCommandKind command) => NameIn(Commands, (int)command);

    internal static string NameOf(MembershipOutcome outcome) => NameIn(Outcomes, (int)outcome);

    internal static string NameOf(MembershipState state) => NameIn(States, (int)state);

    internal static string NameOf(ScimCommitResult result) => NameIn(CommitResults, (int)result);

    // Without Enum.ToString, which boxes; an undefined value (a store may return one) is the conventions' _OTHER.
    private static string NameIn(string[] names, int value) => value >= 0 && value < names.Length ? names[value] : OtherValue;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The boxed value is the point: a tag value is an object, boxed once per status code here.")]
    private static object Boxed(int statusCode)
    {
        if (statusCode < 0 || statusCode >= BoxedStatusCodes.Length)
        {
            return statusCode;
        }

        // A race only boxes the same value twice.
        return BoxedStatusCodes[statusCode] ??= statusCode;
    }

    private static string StatusCodeText(int statusCode) => statusCode switch
    {
        500 => "500",
        501 => "501",
        503 => "503",
        _ => statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A request being measured: its span, if any, and its start, if its duration is wanted (else 0).</summary>
    internal readonly struct RequestScope(Activity? activity, long startTimestamp)
    {
        public Activity? Activity { get; } = activity;

        public long StartTimestamp { get; } = startTimestamp;
    }
}
