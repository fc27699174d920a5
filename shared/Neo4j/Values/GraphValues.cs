namespace Tripmate.Neo4j.Values;

// The graph types a result can hold, as the Query API's typed JSON describes them. Element ids are
// opaque strings (they are not stable across transactions; use your own id property).

public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

public sealed record Neo4jRelationship(
    string ElementId, string StartNodeElementId, string EndNodeElementId, string Type, IReadOnlyDictionary<string, object?> Properties);

/// <summary>
/// Nodes and relationships in path order: relationship i joins node i and node i+1. Its direction
/// is in its start and end ids, not in this order.
/// </summary>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>A value of a type this client does not model (e.g. <c>Vector</c>, <c>Unsupported</c>), kept as sent.</summary>
public sealed record Neo4jOtherValue(string Type, string RawJson);
