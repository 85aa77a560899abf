using System.Text.RegularExpressions;
using FluentAssertions;

namespace MembershipStates.Testing.Tests;

/// <summary>The README's section and docs/testing-your-store.md show the code of tests that compile and run here, verbatim.</summary>
public sealed partial class DocsTests
{
    private const string Fence = "```";

    [Fact]
    public void Readme_ShowsTheTenLinesOfMemoryStoreConformanceTestsVerbatim()
    {
        var source = Read("tests/MembershipStates.Testing.Tests/MemoryStoreConformanceTests.cs");
        var example = Region().Match(source).Groups["body"].Value;

        example.Split('\n').Should().HaveCount(10, "the README promises ten lines");
        Read("README.md").Should().Contain("## Test your own store in ten lines").And.Contain(Fence + "csharp\n" + example + "\n" + Fence);
    }

    [Fact]
    public void TestingYourStore_EveryCSharpBlock_IsATestsCode()
    {
        var page = Read("docs/testing-your-store.md");
        var sources = new[] { "tests/MembershipStates.Testing.Tests", "tests/MembershipStates.AspNetCore.Tests" }
            .SelectMany(folder => Directory.GetFiles(PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n'))
            .ToList();

        var blocks = CSharpBlock().Matches(page).Select(m => m.Groups["code"].Value.Split('\n')).ToList();

        blocks.Should().HaveCount(2);
        foreach (var block in blocks)
        {
            sources.Any(source => Quotes(source, block)).Should().BeTrue("the page quotes a test verbatim, but no test has:\n{0}", string.Join('\n', block));
        }
    }

    /// <summary>Whether <paramref name="block"/> is a run of <paramref name="source"/>'s lines, all shifted left by one indentation.</summary>
    private static bool Quotes(string[] source, string[] block)
    {
        for (var start = 0; start + block.Length <= source.Length; start++)
        {
            if (!source[start].EndsWith(block[0], StringComparison.Ordinal))
            {
                continue;
            }

            var indent = source[start][..^block[0].Length];
            if (indent.Trim().Length > 0)
            {
                continue;
            }

            var all = true;
            for (var i = 0; i < block.Length && all; i++)
            {
                all = block[i].Length == 0 ? source[start + i].Length == 0 : source[start + i] == indent + block[i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static string Read(string relative) => File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n");

    private static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MembershipStates.sln")))
            {
                return Path.Combine(dir.FullName, relative.Replace('/', Path.DirectorySeparatorChar));
            }
        }

        throw new InvalidOperationException("MembershipStates.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"#region ReadmeExample\n(?<body>.*?)\n#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex("```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
