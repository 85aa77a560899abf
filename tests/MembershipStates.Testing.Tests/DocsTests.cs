using System.Text.RegularExpressions;
using FluentAssertions;
using static MembershipStates.Tests.Shared.VerbatimQuotes;

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
        var sources = SourcesIn("tests/MembershipStates.Testing.Tests", "tests/MembershipStates.AspNetCore.Tests");
        var blocks = CSharpBlocksOf("docs/testing-your-store.md");

        blocks.Should().HaveCount(2);
        foreach (var block in blocks)
        {
            sources.Any(source => Quotes(source, block)).Should().BeTrue("the page quotes a test verbatim, but no test has:\n{0}", string.Join('\n', block));
        }
    }

    private static string Read(string relative) => File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n");

    [GeneratedRegex(@"#region ReadmeExample\n(?<body>.*?)\n#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();
}
