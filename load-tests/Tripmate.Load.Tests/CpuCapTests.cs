using System.Diagnostics;
using System.Globalization;
using Tripmate.Load.Performance;
using Tripmate.Testing;

namespace Tripmate.Load.Tests;

/// <summary>
/// `./dev up --scale S=N --cpus C` (scripts/dev/cpucap.sh): a capped process is held to its quota
/// however many threads it runs, and the command line refuses caps it cannot apply.
/// </summary>
public sealed class CpuCapTests
{
    private static readonly string Root = ServiceBuild.RepositoryRoot();

    [Fact]
    public async Task A_capped_process_with_two_busy_threads_is_held_near_its_quota()
    {
        if (!File.Exists("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
        {
            Assert.Fail("This machine has no cgroup v1 cpu controller at /sys/fs/cgroup/cpu (infra-facts: the project's machines do).");
        }

        var id = $"cap-test-{Guid.NewGuid():N}"[..20];
        // Two busy loops in one capped group: uncapped they would take up to two cores.
        using var capped = Bash($"""
            g=$(cpu_cap_group {id} 0.3) || exit 1
            cpu_cap_exec "$g" sh -c 'yes >/dev/null & yes >/dev/null & wait'
            """);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var group = Path.Combine(await CapParentAsync(), id);
            var before = GroupCpu(group);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(4));
            var cores = (GroupCpu(group) - before) / clock.Elapsed.TotalSeconds;

            Assert.Equal("30000", File.ReadAllText(Path.Combine(group, "cpu.cfs_quota_us")).Trim());
            Assert.True(cores <= 0.3 * 1.25, $"the capped group used {cores:0.00} cores, over its 0.3");
            Assert.True(Throttled(group) > 0, "the kernel never throttled the group: the quota was not what held it");
        }
        finally
        {
            capped.Kill(entireProcessTree: true);
            await capped.WaitForExitAsync();
            KillGroup(Path.Combine(await CapParentAsync(), id));
            using var remove = Bash($"sleep 0.5; cpu_cap_remove {id}");
            await remove.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--cpus 0.3", "name the service first with --scale")]
    [InlineData("--scale gateway=2 --cpus 0", "C must be a number of cores")]
    [InlineData("--scale gateway=2 --cpus abc", "C must be a number of cores")]
    [InlineData("--scale gateway=2 --cpus 64", "C must be a number of cores")]
    public async Task Up_refuses_a_cap_it_cannot_apply_before_starting_anything(string arguments, string message)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "dev"), ["up", .. arguments.Split(' ')])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Root,
        };
        using var dev = Process.Start(start)!;
        var error = await dev.StandardError.ReadToEndAsync();
        await dev.WaitForExitAsync();

        Assert.NotEqual(0, dev.ExitCode);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("0.3", 1)]
    [InlineData("1", 1)]
    [InlineData("1.5", 2)]
    public async Task A_capped_instance_is_told_whole_cores_rounded_up(string cpus, int processors)
    {
        using var bash = Bash($"cpu_cap_processors {cpus}", redirect: true);
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal(processors.ToString(CultureInfo.InvariantCulture), output.Trim());
    }

    /// <summary>bash with the dev scripts' cap functions loaded, for the test profile of this checkout.</summary>
    private static Process Bash(string script, bool redirect = false) =>
        Process.Start(new ProcessStartInfo("bash", ["-c", $"source scripts/dev/common.sh; source scripts/dev/cpucap.sh; {script}"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = redirect,
            Environment = { ["ROOT"] = Root, ["PROFILE"] = "test" },
        })!;

    private static async Task<string> CapParentAsync()
    {
        using var bash = Bash("cpu_cap_parent", redirect: true);
        var parent = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return parent.Trim();
    }

    /// <summary>CPU seconds of every process in the group, from /proc.</summary>
    private static double GroupCpu(string group) =>
        File.ReadAllLines(Path.Combine(group, "cgroup.procs")).Select(int.Parse).Sum(pid =>
        {
            try
            {
                return ProcessUsage.CpuSeconds(pid);
            }
            catch (IOException)
            {
                return 0; // exited meanwhile
            }
        });

    private static long Throttled(string group) =>
        File.ReadAllLines(Path.Combine(group, "cpu.stat")).Where(l => l.StartsWith("nr_throttled ", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).Single();

    private static void KillGroup(string group)
    {
        if (!Directory.Exists(group))
        {
            return;
        }

        foreach (var pid in File.ReadAllLines(Path.Combine(group, "cgroup.procs")).Select(int.Parse))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }
    }
}
