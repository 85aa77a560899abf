namespace MembershipStates.AspNetCore;

/// <summary>
/// Names the meter and the activity source of the SCIM endpoints, for a host to subscribe to.
/// </summary>
/// <remarks>
/// <para>The endpoints measure and trace with <see cref="System.Diagnostics.Metrics.Meter"/> and
/// <see cref="System.Diagnostics.ActivitySource"/> only; nothing is collected or exported unless the host listens,
/// for example with OpenTelemetry's <c>AddMeter(MembershipStatesTelemetry.MeterName)</c> and
/// <c>AddSource(MembershipStatesTelemetry.ActivitySourceName)</c>. The instruments, the spans and their attributes
/// are listed in <c>docs/observability.md</c>.</para>
/// <para>The meter is created through the application's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, so
/// each service provider has its own; the activity source is one for the process.</para>
/// </remarks>
public static class MembershipStatesTelemetry
{
    /// <summary>The name of the meter: a counter of lifecycle decisions and a histogram of SCIM request durations.</summary>
    public const string MeterName = "MembershipStates";

    /// <summary>The name of the activity source: a span per SCIM request and one per store commit.</summary>
    public const string ActivitySourceName = "MembershipStates";
}
