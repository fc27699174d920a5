namespace Tripmate.Cql;

/// <summary>0x1000: too few replicas alive; the coordinator did not attempt the request.</summary>
public sealed class UnavailableException(string message, Consistency consistency, int required, int alive)
    : CqlServerException(CqlErrorCode.Unavailable, message)
{
    public Consistency Consistency { get; } = consistency;
    public int Required { get; } = required;
    public int Alive { get; } = alive;

    public override bool IsRetryable => true;
}
