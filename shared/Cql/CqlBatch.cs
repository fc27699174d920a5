namespace Tripmate.Cql;

public enum BatchType : byte
{
    Logged = 0,
    Unlogged = 1,
    Counter = 2,
}

/// <summary>Statements sent together in one BATCH request (only INSERT, UPDATE and DELETE).</summary>
public sealed class CqlBatch(BatchType type = BatchType.Logged)
{
    private readonly List<BatchEntry> _entries = [];

    public BatchType Type { get; } = type;

    public IReadOnlyList<BatchEntry> Entries => _entries;

    public CqlBatch Add(string cql, params object?[] values)
    {
        _entries.Add(new BatchEntry(cql, null, values));
        return this;
    }

    public CqlBatch Add(PreparedStatement statement, params object?[] values)
    {
        _entries.Add(new BatchEntry(null, statement, values));
        return this;
    }
}

/// <summary>One statement of a batch: either CQL text or a prepared statement, with its values.</summary>
public sealed record BatchEntry(string? Cql, PreparedStatement? Prepared, IReadOnlyList<object?> Values);
