namespace Tripmate.Cql.Protocol;

/// <summary>The &lt;flags&gt; byte of QUERY, EXECUTE and BATCH (spec sections 4.1.4 and 4.1.7).</summary>
[Flags]
internal enum QueryFlags : byte
{
    None = 0,
    Values = 0x01,
    SkipMetadata = 0x02,
    PageSize = 0x04,
    WithPagingState = 0x08,
    WithSerialConsistency = 0x10,
    WithDefaultTimestamp = 0x20,
    WithNamesForValues = 0x40,
}
