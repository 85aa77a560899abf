using System.Reflection;
using FluentAssertions;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>Reflection checks on the adapter package's public surface.</summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Adapter = typeof(MembershipStatesOptions).Assembly;

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = Adapter.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed)
            .Select(t => t.FullName);

        open.Should().BeEmpty("public classes are sealed (or static) unless extension is designed in");
    }

    [Fact]
    public void PublicSurface_IsWhatAHostNames()
    {
        Adapter.GetExportedTypes().Select(t => t.Name).Should().BeEquivalentTo(
            nameof(IScimMemberStore),
            nameof(IScimGroupStore),
            nameof(IScimOrganizationResolver),
            nameof(MembershipStatesOptions),
            nameof(MembershipStatesServiceCollectionExtensions),
            nameof(MembershipStatesTelemetry),
            nameof(ScimCommitResult),
            nameof(ScimGroupCommitResult),
            nameof(ScimGroupPage),
            nameof(ScimGroupQuery),
            nameof(MembershipStatesEndpointRouteBuilderExtensions),
            nameof(ScimMemberPage),
            nameof(ScimMemberQuery));
    }

    [Fact]
    public void AsyncMethods_TakeACancellationTokenLast()
    {
        var methods = Adapter.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal));

        methods.Should().NotBeEmpty();
        foreach (var method in methods)
        {
            var last = method.GetParameters().LastOrDefault();
            (last is { HasDefaultValue: true } && last.ParameterType == typeof(CancellationToken))
                .Should().BeTrue("{0}.{1} takes CancellationToken cancellationToken = default last", method.DeclaringType!.Name, method.Name);
        }
    }
}
