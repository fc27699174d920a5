namespace Tripmate.Load.Engine;

/// <summary>
/// The operations of a scenario with their weights. Which operation iteration <c>i</c> runs depends
/// on <c>i</c> alone (a hash, not a shared random generator), so a run's mix repeats exactly and
/// picking needs no lock.
/// </summary>
public sealed class Workload
{
    private readonly double[] _cumulative;

    public Workload(string name, IReadOnlyList<Operation> operations)
    {
        var active = operations.Where(o => o.Weight > 0).ToList();
        if (active.Count == 0)
        {
            throw new ArgumentException($"Workload {name} has no operation with a positive weight.", nameof(operations));
        }

        Name = name;
        Operations = active;
        var total = active.Sum(o => o.Weight);
        var sum = 0.0;
        _cumulative = active.Select(o => sum += o.Weight / total).ToArray();
        _cumulative[^1] = 1.0;
    }

    public string Name { get; }

    public IReadOnlyList<Operation> Operations { get; }

    public int Pick(long iteration)
    {
        var u = UniformHash(iteration);
        var index = Array.BinarySearch(_cumulative, u);
        return index >= 0 ? index : Math.Min(~index, _cumulative.Length - 1);
    }

    /// <summary>SplitMix64 of the index, mapped to [0, 1).</summary>
    internal static double UniformHash(long value)
    {
        var z = (ulong)value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
