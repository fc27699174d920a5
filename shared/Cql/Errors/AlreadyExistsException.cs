namespace Tripmate.Cql;

/// <summary>0x2400: the keyspace or table to create exists.</summary>
public sealed class AlreadyExistsException(string message, string keyspace, string table)
    : CqlServerException(CqlErrorCode.AlreadyExists, message)
{
    public string Keyspace { get; } = keyspace;

    /// <summary>Empty when the keyspace itself already exists.</summary>
    public string Table { get; } = table;
}
