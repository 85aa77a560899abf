using FluentAssertions;

namespace MembershipStates.Testing.Tests;

/// <summary>The kit's public surface stays what a host needs: two base classes, the options and the failure.</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void ExportedTypes_AreTheBaseClassesTheOptionsAndTheFailure()
    {
        var exported = typeof(ScimMemberStoreTests).Assembly.GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal);

        exported.Should().Equal("ScimConformanceException", "ScimGroupStoreTests", "ScimMemberStoreTests", "ScimStoreTestOptions");
        typeof(ScimConformanceException).IsSealed.Should().BeTrue();
        typeof(ScimStoreTestOptions).IsSealed.Should().BeTrue();
        typeof(ScimConformanceException).GetConstructors().Should().BeEmpty("only the kit creates its failures, always with their data");
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedWhenTheTestClassIsCreated()
    {
        var create = () => new MemoryStoreWithOptions(new ScimStoreTestOptions { MaxSequences = 0 });

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxSequences");
    }

    private sealed class MemoryStoreWithOptions(ScimStoreTestOptions options) : ScimMemberStoreTests(options)
    {
        protected override void ConfigureStore(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        {
        }
    }
}
