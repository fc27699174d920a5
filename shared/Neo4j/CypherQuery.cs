namespace Tripmate.Neo4j;

/// <summary>
/// A Cypher statement and the parameters it declares. Statements are constants written next to
/// the code that runs them; values only ever travel as parameters, never inside the text, so no
/// user input can change a statement. Declaring the names lets a test lint every statement with
/// Neo4j's own front end, parameters included.
/// </summary>
public sealed record CypherQuery(string Name, string Text, params string[] Parameters)
{
    /// <summary>This statement with its values; every declared parameter must be given, and no other.</summary>
    public CypherStatement With(params (string Name, object? Value)[] values)
    {
        var given = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        if (given.Count != Parameters.Length || Parameters.Any(p => !given.ContainsKey(p)))
        {
            throw new ArgumentException(
                $"Cypher '{Name}' declares [{string.Join(", ", Parameters)}] but was given [{string.Join(", ", given.Keys)}].", nameof(values));
        }

        return new CypherStatement(Text, given);
    }
}

/// <summary>A statement ready to send: its text and parameter values.</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public static CypherStatement Of(string text) => new(text, new Dictionary<string, object?>());
}
