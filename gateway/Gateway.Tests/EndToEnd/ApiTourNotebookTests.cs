using Tripmate.Testing;
using Xunit.Abstractions;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>
/// notebooks/api_tests.ipynb, the API tour, run headless (notebooks/run_notebook.py: Debian's
/// nbclient on the pinned dotnet-interactive kernel) against this stack's gateway: every step of the
/// tour asserts, so a broken behaviour anywhere in it fails this test, naming the notebook's cell.
/// </summary>
[Collection(AllServicesStackCollection.Name)]
public sealed class ApiTourNotebookTests(AllServicesStack stack, ITestOutputHelper output)
{
    // Generous: on a loaded 2-core machine the kernel's start and its first compilation alone can take
    // minutes, and the tour waits up to 90 s for each event to reach another service.
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(25);

    [Fact]
    public async Task Every_cell_of_the_api_tour_notebook_runs_against_the_gateway()
    {
        var notebooks = Path.Combine(ServiceBuild.RepositoryRoot(), "notebooks");
        var directory = Directory.CreateTempSubdirectory("tripmate-notebook-");
        var executed = Path.Combine(directory.FullName, "api_tests.ipynb");

        var run = await ExternalProcess.RunAsync("/usr/bin/python3",
            [Path.Combine(notebooks, "run_notebook.py"), Path.Combine(notebooks, "api_tests.ipynb"), "--out", executed,
                "--cell-timeout", $"{CellTimeout.TotalSeconds:0}", "--startup-timeout", $"{CellTimeout.TotalSeconds:0}"],
            RunTimeout, environment: new Dictionary<string, string> { ["TRIPMATE_GATEWAY_URL"] = stack.BaseAddress.ToString() });

        output.WriteLine(run.Output);
        // The runner's last lines name the failing cell and its error; the kernel's own log comes before.
        Assert.True(run.ExitCode == 0, string.Join('\n', run.Error.Split('\n').Where(line => !line.StartsWith("info:") && !line.StartsWith("      "))) +
            $"\nThe executed notebook, with every output: {executed}");
        directory.Delete(recursive: true); // kept only when the run failed, for its outputs
    }
}
