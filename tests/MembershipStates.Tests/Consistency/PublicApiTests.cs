using System.Reflection;
using FluentAssertions;

namespace MembershipStates.Tests.Consistency;

/// <summary>Reflection checks on the package's public surface.</summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Package = typeof(MembershipLifecycle).Assembly;

    private static IEnumerable<Type> PublicTypes => Package.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !t.IsAbstract || t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0)
            .Select(t => t.FullName);

        open.Should().BeEmpty("public classes are sealed (or static) unless extension is designed in");
    }

    [Fact]
    public void PublicSignatures_NeverExposeStatelessOrFluentValidation()
    {
        var leaks =
            from type in PublicTypes
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from used in TypesIn(member)
            where used.Namespace is { } ns && (ns.StartsWith("Stateless", StringComparison.Ordinal) || ns.StartsWith("FluentValidation", StringComparison.Ordinal))
            select $"{type.FullName}.{member.Name} uses {used.FullName}";

        leaks.Should().BeEmpty("our SemVer must not follow Stateless' or FluentValidation's");
    }

    [Fact]
    public void LifecycleNamespace_NeverUsesTheScimLayer()
    {
        var lifecycleTypes = Package.GetTypes().Where(t => t.Namespace == "MembershipStates");
        var leaks =
            from type in lifecycleTypes
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from used in TypesIn(member)
            where used.Namespace is { } ns && ns.StartsWith("MembershipStates.Scim", StringComparison.Ordinal)
            select $"{type.FullName}.{member.Name} uses {used.FullName}";

        lifecycleTypes.Should().NotBeEmpty();
        leaks.Should().BeEmpty("the lifecycle knows no SCIM, HTTP or database");
    }

    [Fact]
    public void Package_ReferencesNoHostFramework()
    {
        var references = Package.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().NotContain(name => name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> TypesIn(MemberInfo member)
    {
        IEnumerable<Type> raw = member switch
        {
            MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            PropertyInfo p => [p.PropertyType],
            FieldInfo f => [f.FieldType],
            EventInfo e => [e.EventHandlerType!],
            Type nested => [nested],
            _ => [],
        };
        return raw.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }
}
