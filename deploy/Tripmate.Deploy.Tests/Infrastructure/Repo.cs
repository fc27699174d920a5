namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>Paths in the repository these tests check.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    public static string DeployK8s => Path("deploy/k8s");

    /// <summary>Folders no check looks into: build output, node packages, local server data, git.</summary>
    private static readonly HashSet<string> Skipped = ["bin", "obj", "node_modules", ".data", ".git", "TestResults"];

    /// <summary>Every file under the root, outside the skipped folders, as paths relative to the root.</summary>
    public static IEnumerable<string> Files(Func<string, bool> include)
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = System.IO.Path.GetFileName(sub);
                // Scratch renders of the kustomize tests (deleted after each) are not the repo's.
                if (!Skipped.Contains(name) && name != KustomizeRenderer.ScratchFolder)
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var relative = System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
                if (include(relative))
                {
                    yield return relative;
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tripmate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tripmate.slnx not found above " + AppContext.BaseDirectory);
    }
}
