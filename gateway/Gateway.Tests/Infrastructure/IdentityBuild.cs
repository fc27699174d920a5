using System.Reflection;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// Where identity's dll is: built by the same configuration as this test assembly (the project
/// reference with ReferenceOutputAssembly=false makes the build produce it first).
/// </summary>
public static class IdentityBuild
{
    public static string DllPath { get; } = Locate();

    private static string Locate()
    {
        var configuration = typeof(IdentityBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tripmate.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Tripmate.slnx above {AppContext.BaseDirectory}.");
        }

        return Path.Combine(root.FullName, "services", "identity", "Identity", "bin", configuration, "net10.0", "Tripmate.Identity.dll");
    }
}
