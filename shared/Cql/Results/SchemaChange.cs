namespace Tripmate.Cql;

/// <summary>
/// What a schema-altering statement changed (spec section 4.2.6, SCHEMA_CHANGE).
/// <paramref name="Name"/> is empty for KEYSPACE targets; <paramref name="ArgumentTypes"/> is
/// filled only for FUNCTION and AGGREGATE.
/// </summary>
public sealed record SchemaChange(string ChangeType, string Target, string Keyspace, string Name, IReadOnlyList<string> ArgumentTypes);
