using MembershipStates.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MembershipStates.SampleHost;

/// <summary>Exports the host's traces and metrics over OTLP when an endpoint is configured, and registers nothing otherwise.</summary>
internal static class SampleHostTelemetry
{
    /// <summary>OpenTelemetry's own setting for the collector's address, read from the environment or the command line.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name exported when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string DefaultServiceName = "membership-states-sample-host";

    public static WebApplicationBuilder AddSampleHostTelemetry(this WebApplicationBuilder builder)
    {
        // Without a collector nothing listens, so the endpoints measure and trace nothing and cost nothing.
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return builder;
        }

        // The exporter reads the other OTEL_EXPORTER_OTLP_* settings (protocol, headers) itself.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddSource(MembershipStatesTelemetry.ActivitySourceName)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(MembershipStatesTelemetry.MeterName)
                .AddOtlpExporter());
        return builder;
    }
}
