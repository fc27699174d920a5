namespace Tripmate.Cql;

/// <summary>
/// A statement prepared on the cluster. The id can change if a node forgets it and the session
/// re-prepares, so it is mutable but only through the session.
/// </summary>
public sealed class PreparedStatement
{
    private byte[] _id;

    internal PreparedStatement(string cql, byte[] id, IReadOnlyList<CqlColumn> variables, IReadOnlyList<int> partitionKeyIndexes, IReadOnlyList<CqlColumn> resultColumns)
    {
        Cql = cql;
        _id = id;
        Variables = variables;
        PartitionKeyIndexes = partitionKeyIndexes;
        ResultColumns = resultColumns;
    }

    public string Cql { get; }

    public ReadOnlyMemory<byte> Id => Volatile.Read(ref _id);

    /// <summary>The bind markers, in the order values must be given.</summary>
    public IReadOnlyList<CqlColumn> Variables { get; }

    /// <summary>Which bind markers form the partition key (empty when not all are bound).</summary>
    public IReadOnlyList<int> PartitionKeyIndexes { get; }

    /// <summary>Columns of the rows EXECUTE returns; empty for statements that return none.</summary>
    public IReadOnlyList<CqlColumn> ResultColumns { get; }

    internal void ReplaceId(byte[] id) => Volatile.Write(ref _id, id);
}
