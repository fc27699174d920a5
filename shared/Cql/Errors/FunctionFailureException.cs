namespace Tripmate.Cql;

/// <summary>0x1400: a user-defined function threw.</summary>
public sealed class FunctionFailureException(string message, string keyspace, string function, IReadOnlyList<string> argumentTypes)
    : CqlServerException(CqlErrorCode.FunctionFailure, message)
{
    public string Keyspace { get; } = keyspace;
    public string Function { get; } = function;
    public IReadOnlyList<string> ArgumentTypes { get; } = argumentTypes;
}
