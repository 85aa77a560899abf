namespace MembershipStates.Tests.Docs;

/// <summary>Finds files of the repository this test assembly was built from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
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
}
