namespace Tripmate.Cql.Protocol;

/// <summary>Frame header flags (spec section 2.2).</summary>
[Flags]
internal enum FrameFlags : byte
{
    None = 0,
    Compression = 0x01,
    Tracing = 0x02,
    CustomPayload = 0x04,
    Warning = 0x08,
}
