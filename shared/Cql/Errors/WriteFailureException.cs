namespace Tripmate.Cql;

/// <summary>0x1500: replicas failed a write (not a timeout); some may have applied it.</summary>
public sealed class WriteFailureException(string message, Consistency consistency, int received, int blockFor, int failures, string writeType)
    : CqlServerException(CqlErrorCode.WriteFailure, message)
{
    public Consistency Consistency { get; } = consistency;
    public int Received { get; } = received;
    public int BlockFor { get; } = blockFor;
    public int Failures { get; } = failures;
    public string WriteType { get; } = writeType;
}
