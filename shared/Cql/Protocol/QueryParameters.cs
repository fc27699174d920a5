namespace Tripmate.Cql.Protocol;

/// <summary>The resolved &lt;query_parameters&gt; of QUERY and EXECUTE (spec section 4.1.4).</summary>
internal readonly record struct QueryParameters(
    Consistency Consistency,
    int PageSize = 0,
    byte[]? PagingState = null,
    Consistency? SerialConsistency = null,
    long? TimestampMicros = null,
    bool SkipMetadata = false,
    bool Tracing = false,
    IReadOnlyList<string>? ValueNames = null);
