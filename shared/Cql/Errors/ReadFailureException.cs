namespace Tripmate.Cql;

/// <summary>0x1300: replicas failed a read (not a timeout); the failure usually repeats.</summary>
public sealed class ReadFailureException(string message, Consistency consistency, int received, int blockFor, int failures, bool dataPresent)
    : CqlServerException(CqlErrorCode.ReadFailure, message)
{
    public Consistency Consistency { get; } = consistency;
    public int Received { get; } = received;
    public int BlockFor { get; } = blockFor;
    public int Failures { get; } = failures;
    public bool DataPresent { get; } = dataPresent;
}
