namespace Tripmate.Cql;

/// <summary>Parses the CQL spelling of the types this client encodes (used for explicit type hints).</summary>
internal static class CqlTypeParser
{
    public static CqlType Parse(string text)
    {
        var position = 0;
        var type = ParseType(text, ref position);
        SkipSpaces(text, ref position);
        if (position != text.Length) throw new FormatException($"Unexpected text after type in '{text}'.");
        return type;
    }

    private static CqlType ParseType(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && char.IsLetterOrDigit(text[position])) position++;
        var name = text[start..position].ToLowerInvariant();
        switch (name)
        {
            case "list":
                return CqlType.ListOf(ParseArguments(text, ref position, 1)[0]);
            case "set":
                return CqlType.SetOf(ParseArguments(text, ref position, 1)[0]);
            case "map":
                var pair = ParseArguments(text, ref position, 2);
                return CqlType.MapOf(pair[0], pair[1]);
            case "frozen":
                return ParseArguments(text, ref position, 1)[0];
        }
        return name switch
        {
            "ascii" => CqlType.Ascii,
            "bigint" => CqlType.Bigint,
            "blob" => CqlType.Blob,
            "boolean" => CqlType.Boolean,
            "counter" => CqlType.Counter,
            "double" => CqlType.Double,
            "int" => CqlType.Int,
            "timestamp" => CqlType.Timestamp,
            "uuid" => CqlType.Uuid,
            "text" or "varchar" => CqlType.Varchar,
            "timeuuid" => CqlType.Timeuuid,
            _ => throw new FormatException($"Unsupported CQL type '{name}' in '{text}'."),
        };
    }

    private static CqlType[] ParseArguments(string text, ref int position, int count)
    {
        Expect(text, ref position, '<');
        var arguments = new CqlType[count];
        for (var i = 0; i < count; i++)
        {
            if (i > 0) Expect(text, ref position, ',');
            arguments[i] = ParseType(text, ref position);
        }
        Expect(text, ref position, '>');
        return arguments;
    }

    private static void Expect(string text, ref int position, char expected)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != expected)
            throw new FormatException($"Expected '{expected}' at {position} in '{text}'.");
        position++;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ') position++;
    }
}
