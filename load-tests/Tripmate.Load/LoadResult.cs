namespace Tripmate.Load;

public sealed record LoadResult(string Name, int Concurrency, int Requests, long Errors, double Throughput,
    double P50, double P90, double P99, double Max)
{
    public static LoadResult From(string name, int concurrency, TimeSpan elapsed, double[] latencies, long errors)
    {
        Array.Sort(latencies);
        double At(double quantile) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(quantile * latencies.Length))];
        return new LoadResult(name, concurrency, latencies.Length, errors, latencies.Length / elapsed.TotalSeconds,
            At(0.50), At(0.90), At(0.99), latencies.Length == 0 ? 0 : latencies[^1]);
    }

    public static string Header => $"{"scenario",-16} {"conc",5} {"requests",9} {"errors",7} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}";

    public override string ToString() =>
        $"{Name,-16} {Concurrency,5} {Requests,9} {Errors,7} {Throughput,9:F1} {P50,8:F2} {P90,8:F2} {P99,8:F2} {Max,8:F2}";
}
