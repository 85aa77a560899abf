using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>
/// Registers the services of the SCIM endpoints.
/// </summary>
public static class MembershipStatesServiceCollectionExtensions
{
    /// <summary>Registers what <see cref="MembershipStatesEndpointRouteBuilderExtensions.MapMembershipStates"/> needs, and checks the options when the application starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; the defaults apply when <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// <para>The host registers two services of its own: an <see cref="IScimMemberStore"/> (usually scoped) and an
    /// <see cref="IScimOrganizationResolver"/> (usually a singleton); and, to serve <c>/Groups</c>, an
    /// <see cref="IScimGroupStore"/> (usually scoped). The lifecycle reads the clock from a
    /// <see cref="TimeProvider"/> service, <see cref="TimeProvider.System"/> unless the host registers another.</para>
    /// <para>It also registers <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (<c>AddMetrics</c>), which the
    /// meter named <see cref="MembershipStatesTelemetry.MeterName"/> is created from.</para>
    /// <para>Calling it again adds <paramref name="configure"/> to the options and registers nothing twice.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddMembershipStates(this IServiceCollection services, Action<MembershipStatesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MembershipStatesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipStatesOptions>, MembershipStatesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The meter comes from the application's IMeterFactory, so each service provider measures on its own.
        services.AddMetrics();
        services.TryAddSingleton<ScimTelemetry>();
        services.TryAddSingleton<ScimPipeline>();
        services.TryAddSingleton<ScimServedSchemas>();
        services.TryAddSingleton<ScimUserHandlers>();
        services.TryAddSingleton<ScimDiscoveryHandlers>();
        services.TryAddSingleton<ScimGroupHandlers>();
        return services;
    }
}
