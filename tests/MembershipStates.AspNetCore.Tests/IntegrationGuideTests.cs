using System.Text.RegularExpressions;
using FluentAssertions;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>docs/integration-guide.md quotes the sample host: every C# block must still be the sample's code, verbatim.</summary>
public sealed partial class IntegrationGuideTests
{
    [Fact]
    public void EveryCodeBlock_IsTheSampleHostsCode()
    {
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "integration-guide.md")).ReplaceLineEndings("\n");
        var sources = Directory.GetFiles(Path.Combine(root, "src", "MembershipStates.SampleHost"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n'))
            .ToList();

        var blocks = CSharpBlock().Matches(guide).Select(m => m.Groups["code"].Value.Split('\n')).ToList();

        blocks.Should().HaveCountGreaterThanOrEqualTo(8);
        foreach (var block in blocks)
        {
            sources.Any(source => Quotes(source, block)).Should().BeTrue("the guide quotes the sample verbatim, but no file of the sample host has:\n{0}", string.Join('\n', block));
        }
    }

    /// <summary>Whether <paramref name="block"/> is a run of <paramref name="source"/>'s lines, all shifted left by one indentation.</summary>
    internal static bool Quotes(string[] source, string[] block)
    {
        for (var start = 0; start + block.Length <= source.Length; start++)
        {
            if (!source[start].EndsWith(block[0], StringComparison.Ordinal))
            {
                continue;
            }

            var indent = source[start][..^block[0].Length];
            if (!string.IsNullOrWhiteSpace(indent) && indent.Length > 0)
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

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MembershipStates.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MembershipStates.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
