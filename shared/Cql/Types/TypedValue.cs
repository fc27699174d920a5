namespace Tripmate.Cql;

/// <summary>
/// A bind value with an explicit CQL type, for when the CLR type alone is ambiguous
/// (ascii versus text, an empty list of unknown element type).
/// </summary>
public readonly record struct TypedValue(object? Value, CqlType Type);
