namespace Tripmate.Cql;

/// <summary>0x1200: replicas did not answer a read in time; reads change nothing, so retrying is safe.</summary>
public sealed class ReadTimeoutException(string message, Consistency consistency, int received, int blockFor, bool dataPresent)
    : CqlServerException(CqlErrorCode.ReadTimeout, message)
{
    public Consistency Consistency { get; } = consistency;
    public int Received { get; } = received;
    public int BlockFor { get; } = blockFor;
    public bool DataPresent { get; } = dataPresent;

    public override bool IsRetryable => true;
}
