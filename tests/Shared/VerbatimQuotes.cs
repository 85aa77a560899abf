using System.Text.RegularExpressions;

namespace MembershipStates.Tests.Shared;

/// <summary>
/// What the docs checks share: the repository's files, the C# blocks of a Markdown page, and whether a block is the
/// code it claims to be, verbatim. Compiled into each test project that checks a page.
/// </summary>
internal static partial class VerbatimQuotes
{
    /// <summary>Gets the repository's root folder: the one that holds <c>MembershipStates.sln</c>.</summary>
    public static string RepositoryRoot()
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

    /// <summary>The path of a file of the repository, named from its root with forward slashes.</summary>
    public static string PathOf(string relative) => Path.Combine(RepositoryRoot(), relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The lines of every C# file below the repository's <paramref name="folders"/>, build output left out.</summary>
    public static List<string[]> SourcesIn(params string[] folders) =>
        [.. folders
            .SelectMany(folder => Directory.GetFiles(PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n'))];

    /// <summary>The lines of each <c>```csharp</c> block of a Markdown page of the repository.</summary>
    public static List<string[]> CSharpBlocksOf(string page) =>
        [.. CSharpBlock().Matches(File.ReadAllText(PathOf(page)).ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value.Split('\n'))];

    /// <summary>Whether <paramref name="block"/> is a run of <paramref name="source"/>'s lines, all shifted left by one indentation.</summary>
    public static bool Quotes(string[] source, string[] block)
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

    [GeneratedRegex("```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
