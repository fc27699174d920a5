using System.Globalization;

namespace Tripmate.Load.Performance;

/// <summary>
/// Memory (RSS) and CPU of the processes `./dev up` started, read from /proc by the pid files in its
/// run directory (PostgreSQL's postmaster from its data directory). PostgreSQL's CPU is the
/// postmaster's with its backends' (the living ones', and the exited ones' the postmaster has
/// reaped), since the work of a query is done in a backend; its memory is the postmaster's alone.
/// </summary>
public sealed class ProcessUsage(string dataDirectory)
{
    public sealed record Sample(string Name, int Pid, double RssMb, double CpuSeconds);

    public IReadOnlyList<Sample> Take()
    {
        var pids = Directory.Exists(Path.Combine(dataDirectory, "run"))
            ? Directory.GetFiles(Path.Combine(dataDirectory, "run"), "*.pid")
                .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Pid: FirstNumber(f)))
                .Where(p => p.Name != "rabbitmq") // the wrapper script; rabbitmq-beam is the VM
                .ToList()
            : [];
        var postmaster = Path.Combine(dataDirectory, "postgres", "postmaster.pid");
        if (File.Exists(postmaster) && pids.All(p => p.Name != "postgres"))
        {
            pids.Add(("postgres", FirstNumber(postmaster)));
        }

        return pids.Where(p => p.Pid > 0 && File.Exists($"/proc/{p.Pid}/status"))
            .Select(p => new Sample(p.Name, p.Pid, RssMb(p.Pid), p.Name == "postgres" ? CpuSecondsWithBackends(p.Pid) : CpuSeconds(p.Pid)))
            .OrderBy(s => s.Name)
            .ToList();
    }

    /// <summary>CPU seconds each process used between two samples.</summary>
    public static IReadOnlyDictionary<string, double> CpuBetween(IReadOnlyList<Sample> before, IReadOnlyList<Sample> after) =>
        after.ToDictionary(a => a.Name, a => Math.Round(a.CpuSeconds - (before.FirstOrDefault(b => b.Name == a.Name)?.CpuSeconds ?? a.CpuSeconds), 2));

    /// <summary>CPU seconds of a process and its children (nginx's workers), read from /proc.</summary>
    public static double CpuSecondsWithChildren(int pid) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsAsciiDigit)).Select(int.Parse!)
            .Where(p => p == pid || ParentOf(p) == pid).Sum(p =>
            {
                try
                {
                    return CpuSeconds(p);
                }
                catch (IOException)
                {
                    return 0; // exited meanwhile: a postmaster's reaped backend is in its cutime
                }
            });

    /// <summary>A postmaster's CPU with its backends': living children, and the reaped ones' (its cutime and cstime).</summary>
    private static double CpuSecondsWithBackends(int postmaster) =>
        CpuSecondsWithChildren(postmaster) + StatTicks(postmaster, 13) + StatTicks(postmaster, 14);

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // gone meanwhile
        }
    }

    private static int FirstNumber(string file) =>
        int.TryParse(File.ReadLines(file).FirstOrDefault()?.Trim(), out var pid) ? pid : 0;

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : Math.Round(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024, 1);
    }

    // User and system time (fields 14 and 15 of /proc/PID/stat), in clock ticks of 100 Hz.
    public static double CpuSeconds(int pid) => StatTicks(pid, 11) + StatTicks(pid, 12);

    // Field i (0-based) after the parenthesised name of /proc/PID/stat, in seconds; 11-14 are utime, stime, cutime, cstime.
    private static double StatTicks(int pid, int field)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field], CultureInfo.InvariantCulture) / 100.0;
    }
}
