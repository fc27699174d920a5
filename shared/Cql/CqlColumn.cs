namespace Tripmate.Cql;

/// <summary>A result column or a bind marker of a prepared statement.</summary>
public sealed record CqlColumn(string Keyspace, string Table, string Name, CqlType Type);
