using System.Xml.Linq;

namespace Tripmate.Deploy.Tests.Infrastructure;

public static class ProjectClosure
{
    /// <summary>The project and every project it references, directly or not, as repository-relative paths.</summary>
    public static IReadOnlySet<string> Of(string project)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!found.Add(current))
            {
                continue;
            }

            var dir = Path.GetDirectoryName(Repo.Path(current))!;
            foreach (var reference in XDocument.Load(Repo.Path(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(dir, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }
}
