using System.Reflection;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>
/// House rules for the public SCIM surface: no class can be derived from outside the package (sealed, static, or a
/// base with only <c>private protected</c> constructors), and no public type of the package exposes System.Text.Json's
/// serializer context.
/// </summary>
public sealed class ScimPublicSurfaceTests
{
    private static readonly Type[] PublicScimTypes = typeof(ScimUser).Assembly.GetExportedTypes()
        .Where(type => type.Namespace == "MembershipStates.Scim")
        .ToArray();

    [Fact]
    public void PublicClasses_InTheScimNamespace_CannotBeDerivedFromOutsideThePackage()
    {
        PublicScimTypes.Where(type => type.IsClass && !type.IsSealed && HasConstructorOthersCanCall(type))
            .Should().BeEmpty();
    }

    // A derived class elsewhere needs a public, protected or protected internal constructor.
    private static bool HasConstructorOthersCanCall(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Any(constructor => constructor.IsPublic || constructor.IsFamily || constructor.IsFamilyOrAssembly);

    [Fact]
    public void PublicTypes_InTheScimNamespace_DoNotExposeTheSerializerContext()
    {
        var exposed = PublicScimTypes
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .OfType<MethodInfo>()
            .SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType))
            .Where(type => typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(type));

        exposed.Should().BeEmpty();
    }

    [Fact]
    public void PublicWireTypes_AreTheExpectedSet()
    {
        PublicScimTypes.Select(type => type.Name).Should().Contain(
        [
            nameof(ScimUser), nameof(ScimName), nameof(ScimMultiValue), nameof(ScimAddress), nameof(ScimGroupReference),
            nameof(ScimEnterpriseUser), nameof(ScimManager), nameof(ScimMeta), nameof(ScimError), nameof(ScimResponse),
            "ScimListResponse`1", nameof(ScimPage), nameof(ScimPagingOptions), nameof(ScimPrecondition), nameof(ScimETag),
            nameof(ScimDiscovery), nameof(ScimJson), "ScimResult`1", nameof(ScimErrorTypes), nameof(ScimSchemaUris),
            nameof(ScimGroup), nameof(ScimGroupMember), nameof(ScimGroupPatch), nameof(ScimStoredGroup), nameof(ScimGroupChange),
            nameof(ScimGroupChangeKind), nameof(ScimGroupDecision), nameof(ScimGroupOperations),
        ]);
    }
}
