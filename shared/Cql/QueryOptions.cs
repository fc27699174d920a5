namespace Tripmate.Cql;

/// <summary>Per-request settings; unset members fall back to <see cref="CqlClusterOptions"/> defaults.</summary>
public sealed record QueryOptions
{
    public static QueryOptions Default { get; } = new();

    public Consistency? Consistency { get; init; }

    /// <summary>Consistency of the Paxos phase of conditional (IF ...) writes: Serial or LocalSerial.</summary>
    public Consistency? SerialConsistency { get; init; }

    /// <summary>Rows per page; 0 disables paging (the server sends everything at once).</summary>
    public int? PageSize { get; init; }

    /// <summary>Where to resume: <see cref="RowSet.PagingState"/> of the previous page.</summary>
    public byte[]? PagingState { get; init; }

    /// <summary>Write timestamp in microseconds since the epoch; null lets the server assign it.</summary>
    public long? TimestampMicros { get; init; }

    /// <summary>Asks the server to trace the request; the trace id comes back in <see cref="RowSet.TracingId"/>.</summary>
    public bool Tracing { get; init; }

    /// <summary>Names of the bind markers, one per value, for QUERY with named markers (:name).</summary>
    public IReadOnlyList<string>? ValueNames { get; init; }

    /// <summary>Overrides <see cref="CqlClusterOptions.RequestTimeout"/> for this request.</summary>
    public TimeSpan? Timeout { get; init; }
}
