using Tripmate.Topology;

namespace Tripmate.Load.Commands;

/// <summary>Where `./dev up` runs things (topology.env), so the commands need no options on a developer's machine.</summary>
public static class Defaults
{
    public static string GatewayUrl => ServiceUrl("gateway");

    public static string IdentityUrl => ServiceUrl("identity");

    /// <summary>The repository root (the folder with Tripmate.slnx above the working directory), or the working directory.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tripmate.slnx")))
                {
                    return dir.FullName;
                }
            }

            return Environment.CurrentDirectory;
        }
    }

    /// <summary>The seeder's journal for `./dev up`'s data: beside that data, so wiping one wipes both.</summary>
    public static string SeedState => Path.Combine(RepositoryRoot, ".data", "up", "seed");

    public static string Results => Path.Combine(RepositoryRoot, "load-tests", "results");

    private static string ServiceUrl(string service) =>
        (LocalTopology.Find(Environment.CurrentDirectory) ?? LocalTopology.Load(AppContext.BaseDirectory)).ServiceUrl(service).ToString();
}
