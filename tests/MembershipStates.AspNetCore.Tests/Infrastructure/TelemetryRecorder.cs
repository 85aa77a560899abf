using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Records what one host measures, through <see cref="MeterListener"/>, and the spans of the traces a test starts,
/// through <see cref="ActivityListener"/>, as an OpenTelemetry SDK would read them.
/// </summary>
/// <remarks>
/// <para>Tests run in parallel, so both are kept to this test's own: measurements of the meters the host's
/// <see cref="IMeterFactory"/> made (every host has its own), and spans of the traces started with
/// <see cref="Traced"/>, whose <c>traceparent</c> header ASP.NET Core continues.</para>
/// <para>Measurements and spans are recorded as they come, on the server's threads: a duration and the request's span
/// end after the answer is written, so a test waits for them rather than reading them when the answer arrives.</para>
/// </remarks>
public sealed class TelemetryRecorder : IDisposable
{
    /// <summary>ASP.NET Core's own source, whose server span our request spans are children of.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly ConcurrentDictionary<ActivityTraceId, byte> _traces = new();

    public TelemetryRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                Instruments.Enqueue(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MembershipStatesTelemetry.ActivitySourceName or AspNetCoreSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (_traces.ContainsKey(activity.TraceId))
                {
                    Spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>Gets every instrument of the host's meters, as published.</summary>
    public ConcurrentQueue<Instrument> Instruments { get; } = new();

    /// <summary>Gets every measurement of the host's meters since the recorder started.</summary>
    public ConcurrentQueue<Measured> Measurements { get; } = new();

    /// <summary>Gets the stopped spans of the traces this recorder started.</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    /// <summary>Gets the measurements of one instrument of the MembershipStates meter.</summary>
    public IEnumerable<Measured> Of(string instrument) =>
        Measurements.Where(m => m.Meter == MembershipStatesTelemetry.MeterName && m.Instrument == instrument);

    /// <summary>Starts a trace: the request sent with this header is its child, so its spans are recorded.</summary>
    public Action<HttpRequestMessage> Traced(out ActivityTraceId traceId)
    {
        var trace = ActivityTraceId.CreateRandom();
        _traces[trace] = 0;
        traceId = trace;
        var header = $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        return request => request.Headers.Add("traceparent", header);
    }

    /// <summary>Gets the stopped spans of one trace.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId traceId) => Spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Waits until a measurement matches, and returns it.</summary>
    public Task<Measured> MeasurementAsync(string instrument, Func<Measured, bool> match) =>
        WaitAsync(() => Of(instrument).FirstOrDefault(match), $"a measurement of {instrument}");

    /// <summary>Waits until any meter of the host has measured with this instrument.</summary>
    public Task<Measured> AnyMeasurementAsync(string instrument) =>
        WaitAsync(() => Measurements.FirstOrDefault(m => m.Instrument == instrument), $"a measurement of {instrument}");

    /// <summary>Waits until a span of the trace with this name has stopped, and returns it.</summary>
    public Task<Activity> SpanAsync(ActivityTraceId traceId, string name) =>
        WaitAsync(() => Spans.FirstOrDefault(s => s.TraceId == traceId && s.DisplayName == name), $"the span '{name}'");

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }

    private static async Task<T> WaitAsync<T>(Func<T?> find, string what)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"No {what} within {Patience.TotalSeconds} s.");
            }

            await Task.Delay(10);
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copied = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }

        Measurements.Enqueue(new Measured(instrument.Meter.Name, instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copied));
    }

    /// <summary>One measurement: its meter, its instrument, its value and its tags.</summary>
    public sealed record Measured(string Meter, string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
    }
}
