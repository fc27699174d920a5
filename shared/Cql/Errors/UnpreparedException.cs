namespace Tripmate.Cql;

/// <summary>
/// 0x2500: the node does not know the prepared id (it restarted). The session re-prepares and
/// retries once before surfacing this.
/// </summary>
public sealed class UnpreparedException(string message, byte[] unknownId)
    : CqlServerException(CqlErrorCode.Unprepared, message)
{
    public byte[] UnknownId { get; } = unknownId;

    public override bool IsRetryable => true;
}
