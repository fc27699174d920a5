namespace Tripmate.Cql;

/// <summary>0x1100: some replicas may have applied the write, so a blind retry is not safe.</summary>
public sealed class WriteTimeoutException(string message, Consistency consistency, int received, int blockFor, string writeType)
    : CqlServerException(CqlErrorCode.WriteTimeout, message)
{
    public Consistency Consistency { get; } = consistency;
    public int Received { get; } = received;
    public int BlockFor { get; } = blockFor;

    /// <summary>SIMPLE, BATCH, UNLOGGED_BATCH, COUNTER or BATCH_LOG.</summary>
    public string WriteType { get; } = writeType;
}
