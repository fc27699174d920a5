using Bogus;

namespace Tripmate.Load.Seeding;

/// <summary>
/// The skewed shapes of social data: Zipf popularity (a few users with many followers, most
/// with few), Pareto group sizes, log-normal file sizes. Every draw takes the caller's
/// <see cref="Randomizer"/>, so a fixed seed repeats the data set exactly.
/// </summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;
    private readonly int[] _rankToItem;

    /// <param name="items">How many items (ranked by a seeded shuffle, so popularity is not the item's index).</param>
    /// <param name="exponent">About 1 for follower counts; smaller is flatter.</param>
    public Zipf(int items, double exponent, int seed)
    {
        _cumulative = new double[items];
        var sum = 0.0;
        for (var rank = 0; rank < items; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < items; rank++)
        {
            _cumulative[rank] /= sum;
        }

        _rankToItem = new Randomizer(seed).Shuffle(Enumerable.Range(0, items)).ToArray();
    }

    public int Next(Randomizer random)
    {
        var rank = Array.BinarySearch(_cumulative, random.Double());
        rank = rank >= 0 ? rank : Math.Min(~rank, _cumulative.Length - 1);
        return _rankToItem[rank];
    }
}

public static class Distributions
{
    /// <summary>Pareto (power law) with minimum <paramref name="min"/> and tail index <paramref name="alpha"/>, capped.</summary>
    public static int Pareto(Randomizer random, int min, double alpha, int max) =>
        (int)Math.Min(max, Math.Floor(min / Math.Pow(1 - random.Double(), 1 / alpha)));

    /// <summary>Log-normal around <paramref name="median"/> with spread <paramref name="sigma"/> (long right tail), capped.</summary>
    public static long LogNormal(Randomizer random, double median, double sigma, long max)
    {
        // Box-Muller from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.Double())) * Math.Cos(2 * Math.PI * random.Double());
        return Math.Clamp((long)(median * Math.Exp(sigma * normal)), 1, max);
    }

    /// <summary>A geometric run length with the given mean (at least 1): how many messages one person sends in a row.</summary>
    public static int Burst(Randomizer random, double mean) =>
        1 + (int)Math.Floor(Math.Log(1 - random.Double()) / Math.Log(1 - 1 / mean));
}
