namespace Tripmate.Load.Commands;

/// <summary>Where `./dev up` runs things, so the commands need no options on a developer's machine.</summary>
public static class Defaults
{
    public static string GatewayUrl => $"http://127.0.0.1:{Port("GATEWAY_PORT", 5000)}";

    public static string IdentityUrl => $"http://127.0.0.1:{Port("IDENTITY_PORT", 5101)}";

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

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
