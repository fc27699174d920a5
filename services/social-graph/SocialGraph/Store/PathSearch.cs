namespace Tripmate.SocialGraph.Store;

/// <summary>
/// The bookkeeping of a bidirectional breadth-first search over row numbers, whatever store feeds
/// it the edges of each level: who was reached from which side, and through whom.
/// </summary>
public sealed class PathSearch
{
    private readonly Dictionary<long, long> _forwardParent = [];
    private readonly Dictionary<long, long> _backwardParent = [];
    private List<long> _forwardFrontier;
    private List<long> _backwardFrontier;

    public PathSearch(long from, long to)
    {
        _forwardParent[from] = from;
        _backwardParent[to] = to;
        _forwardFrontier = [from];
        _backwardFrontier = [to];
    }

    public IReadOnlyCollection<long> ForwardFrontier => _forwardFrontier;

    public IReadOnlyCollection<long> BackwardFrontier => _backwardFrontier;

    public bool ForwardFrontierIsSmaller => _forwardFrontier.Count <= _backwardFrontier.Count;

    /// <summary>Neither side can go further: no path exists.</summary>
    public bool Exhausted => _forwardFrontier.Count == 0 || _backwardFrontier.Count == 0;

    /// <summary>
    /// Takes one level's edges (from a frontier node to a neighbour), skipping avoided nodes; returns
    /// a node both searches reached, if any. The lowest such row number is taken, so the path
    /// returned for one graph is the same every time.
    /// </summary>
    public long? Expand(bool forward, IEnumerable<(long From, long To)> edges, IReadOnlySet<long> avoided)
    {
        var (parents, others) = forward ? (_forwardParent, _backwardParent) : (_backwardParent, _forwardParent);
        var next = new List<long>();
        long? meeting = null;
        foreach (var (from, to) in edges.OrderBy(e => e.To).ThenBy(e => e.From))
        {
            if (avoided.Contains(to) || !parents.TryAdd(to, from))
            {
                continue;
            }

            next.Add(to);
            if (others.ContainsKey(to) && (meeting is null || to < meeting))
            {
                meeting = to;
            }
        }

        if (forward)
        {
            _forwardFrontier = next;
        }
        else
        {
            _backwardFrontier = next;
        }

        return meeting;
    }

    /// <summary>The path from the start to the end through <paramref name="meeting"/>.</summary>
    public IReadOnlyList<long> PathThrough(long meeting)
    {
        var path = new List<long>();
        for (var node = meeting; ; node = _forwardParent[node])
        {
            path.Add(node);
            if (_forwardParent[node] == node)
            {
                break;
            }
        }

        path.Reverse();
        for (var node = meeting; _backwardParent[node] != node;)
        {
            node = _backwardParent[node];
            path.Add(node);
        }

        return path;
    }
}
