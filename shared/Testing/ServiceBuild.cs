using System.Reflection;

namespace Tripmate.Testing;

/// <summary>
/// Where the services' dlls are, to run them as separate processes (<see cref="ServiceProcess"/>):
/// built by the same configuration as the calling test assembly (a test project references the
/// service, or references it with ReferenceOutputAssembly=false, so the build produces it first).
/// </summary>
public static class ServiceBuild
{
    public static string Identity { get; } = Locate(Path.Combine("services", "identity", "Identity"), "Tripmate.Identity.dll");

    public static string Messaging { get; } = Locate(Path.Combine("services", "messaging", "Messaging"), "Tripmate.Messaging.dll");

    public static string SocialGraph { get; } = Locate(Path.Combine("services", "social-graph", "SocialGraph"), "Tripmate.SocialGraph.dll");

    public static string Gateway { get; } = Locate(Path.Combine("gateway", "Gateway"), "Tripmate.Gateway.dll");

    public static string Files { get; } = Locate(Path.Combine("services", "files", "Files"), "Tripmate.Files.dll");

    private static string Locate(string projectDirectory, string dll)
    {
        var configuration = typeof(ServiceBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = RepositoryRoot();
        return Path.Combine(root, projectDirectory, "bin", configuration, "net10.0", dll);
    }

    /// <summary>The checkout this test runs from (the folder with Tripmate.slnx).</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tripmate.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Tripmate.slnx above {AppContext.BaseDirectory}.");
        }

        return root.FullName;
    }
}
