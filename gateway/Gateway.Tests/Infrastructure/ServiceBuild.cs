using System.Reflection;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// Where the services' dlls are, run as separate processes: built by the same configuration as
/// this test assembly (the project references with ReferenceOutputAssembly=false make the build
/// produce them first).
/// </summary>
public static class ServiceBuild
{
    public static string Identity { get; } = Locate(Path.Combine("services", "identity", "Identity"), "Tripmate.Identity.dll");

    public static string Messaging { get; } = Locate(Path.Combine("services", "messaging", "Messaging"), "Tripmate.Messaging.dll");

    private static string Locate(string projectDirectory, string dll)
    {
        var configuration = typeof(ServiceBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tripmate.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Tripmate.slnx above {AppContext.BaseDirectory}.");
        }

        return Path.Combine(root.FullName, projectDirectory, "bin", configuration, "net10.0", dll);
    }
}
