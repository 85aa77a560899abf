using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using MembershipStates.Tests.Docs;

namespace MembershipStates.Tests.Consistency;

/// <summary>
/// Checks that the source tree says where a type lives: every folder of every project under <c>src/</c> declares one
/// namespace, and that namespace is spelled by the folder's path.
/// </summary>
/// <remarks>
/// A folder's namespace is the project's root namespace followed by the folder's path
/// (<c>Scim/Patching</c> → <c>MembershipStates.Scim.Patching</c>), or by a leading part of it, so that public types
/// may share a namespace across folders (<c>Lifecycle</c> and <c>Hosts</c> → <c>MembershipStates</c>,
/// <c>Scim/Model</c> and <c>Scim/Queries</c> → <c>MembershipStates.Scim</c>) without a folder mixing two namespaces.
/// The sources are read from the repository, so the check covers files the compiler does not see.
/// </remarks>
public sealed partial class SourceLayoutTests
{
    public static TheoryData<string> Projects() => new(ProjectPaths());

    [Fact]
    public void Projects_UnderSrc_IncludeEveryShippedPackage()
    {
        ProjectPaths().Should().Contain(["src/MembershipStates/MembershipStates.csproj", "src/MembershipStates.AspNetCore/MembershipStates.AspNetCore.csproj"]);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void SourceFolders_InEveryProject_DeclareOneNamespaceThatTheirPathSpells(string project)
    {
        var projectFile = RepositoryFiles.PathOf(project);
        var projectDir = Path.GetDirectoryName(projectFile)!;
        var root = XDocument.Load(projectFile).Descendants("RootNamespace").FirstOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(projectFile);

        var files = SourceFiles(projectDir).ToList();
        files.Should().NotBeEmpty();

        var problems = new List<string>();
        foreach (var folder in files.GroupBy(file => Path.GetDirectoryName(file.Relative) ?? string.Empty))
        {
            var spelled = folder.Key.Length == 0 ? root : root + "." + folder.Key.Replace(Path.DirectorySeparatorChar, '.');
            var namespaces = folder
                .Where(file => file.Namespaces.Count > 0 || !IsTopLevelProgram(file.Relative))
                .Select(file => (file.Relative, Namespace: file.Namespaces.Count == 1 ? file.Namespaces[0] : $"({file.Namespaces.Count} namespaces)"))
                .ToList();

            foreach (var group in namespaces.GroupBy(file => file.Namespace).Where(_ => namespaces.Select(n => n.Namespace).Distinct().Count() > 1))
            {
                problems.Add($"{project}: folder '{folder.Key}' mixes namespaces; {group.Key} in {string.Join(", ", group.Select(g => g.Relative))}");
            }

            foreach (var (relative, ns) in namespaces.Where(file => !IsSpelledBy(file.Namespace, spelled)))
            {
                problems.Add($"{project}: {relative} declares {ns}; its folder spells {spelled} (or a leading part of it, from {root})");
            }
        }

        string.Join(Environment.NewLine, problems).Should().BeEmpty("a folder holds one namespace, named by its path, so a reader finds a type where its namespace says");
    }

    [Theory]
    [InlineData("MembershipStates.Scim.Patching", "MembershipStates.Scim.Patching", true)]
    [InlineData("MembershipStates.Scim", "MembershipStates.Scim.Queries", true)]
    [InlineData("MembershipStates", "MembershipStates.Lifecycle", true)]
    [InlineData("MembershipStates.Scim.Filtering", "MembershipStates.Scim.Queries", false)]
    [InlineData("MembershipStates.Sc", "MembershipStates.Scim", false)]
    [InlineData("MembershipStates.Scim.Patching.More", "MembershipStates.Scim.Patching", false)]
    public void IsSpelledBy_NamespaceAndFolderPath_AcceptsTheFolderOrALeadingPartOfIt(string ns, string spelled, bool expected)
    {
        IsSpelledBy(ns, spelled).Should().Be(expected);
    }

    private static IEnumerable<string> ProjectPaths() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(project => Path.GetRelativePath(RepositoryFiles.Root, project).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsSpelledBy(string ns, string spelled) =>
        spelled == ns || spelled.StartsWith(ns + ".", StringComparison.Ordinal);

    // A file of top-level statements (the sample host's Program.cs) is in the global namespace by the language's rules.
    private static bool IsTopLevelProgram(string relative) => string.Equals(relative, "Program.cs", StringComparison.Ordinal);

    private static IEnumerable<(string Relative, IReadOnlyList<string> Namespaces)> SourceFiles(string projectDir)
    {
        foreach (var path in Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDir, path);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var namespaces = NamespaceDeclaration().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            yield return (relative, namespaces);
        }
    }

    [GeneratedRegex(@"^namespace\s+([A-Za-z_][\w.]*)\s*(?:;|\{|$)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
