namespace Tripmate.Cql;

/// <summary>
/// A column or bind-marker type. Collections carry their element types; other types
/// (custom, UDT, tuple) keep only their code because this client passes their values as raw bytes.
/// </summary>
public sealed class CqlType : IEquatable<CqlType>
{
    private CqlType(CqlTypeCode code, CqlType? element = null, CqlType? key = null, string? customName = null)
    {
        Code = code;
        Element = element;
        Key = key;
        CustomName = customName;
    }

    public CqlTypeCode Code { get; }

    /// <summary>Element type of a list or set, value type of a map.</summary>
    public CqlType? Element { get; }

    /// <summary>Key type of a map.</summary>
    public CqlType? Key { get; }

    /// <summary>Class name of a custom type.</summary>
    public string? CustomName { get; }

    public static readonly CqlType Ascii = new(CqlTypeCode.Ascii);
    public static readonly CqlType Bigint = new(CqlTypeCode.Bigint);
    public static readonly CqlType Blob = new(CqlTypeCode.Blob);
    public static readonly CqlType Boolean = new(CqlTypeCode.Boolean);
    public static readonly CqlType Counter = new(CqlTypeCode.Counter);
    public static readonly CqlType Double = new(CqlTypeCode.Double);
    public static readonly CqlType Int = new(CqlTypeCode.Int);
    public static readonly CqlType Timestamp = new(CqlTypeCode.Timestamp);
    public static readonly CqlType Uuid = new(CqlTypeCode.Uuid);
    public static readonly CqlType Varchar = new(CqlTypeCode.Varchar);
    public static readonly CqlType Timeuuid = new(CqlTypeCode.Timeuuid);

    /// <summary>"text" is an alias of varchar on the wire.</summary>
    public static CqlType Text => Varchar;

    public static CqlType ListOf(CqlType element) => new(CqlTypeCode.List, element);
    public static CqlType SetOf(CqlType element) => new(CqlTypeCode.Set, element);
    public static CqlType MapOf(CqlType key, CqlType value) => new(CqlTypeCode.Map, value, key);
    public static CqlType CustomOf(string className) => new(CqlTypeCode.Custom, customName: className);

    /// <summary>A type this client does not decode; values of it are returned as raw bytes.</summary>
    public static CqlType Opaque(CqlTypeCode code) => new(code);

    public bool IsCollection => Code is CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map;

    /// <summary>Parses CQL type syntax such as <c>map&lt;text, list&lt;int&gt;&gt;</c>.</summary>
    public static CqlType Parse(string text) => CqlTypeParser.Parse(text);

    public override string ToString() => Code switch
    {
        CqlTypeCode.List => $"list<{Element}>",
        CqlTypeCode.Set => $"set<{Element}>",
        CqlTypeCode.Map => $"map<{Key},{Element}>",
        CqlTypeCode.Custom => $"'{CustomName}'",
        _ => Code.ToString().ToLowerInvariant(),
    };

    public bool Equals(CqlType? other) =>
        other is not null && Code == other.Code && Equals(Element, other.Element) && Equals(Key, other.Key)
        && CustomName == other.CustomName;

    public override bool Equals(object? obj) => obj is CqlType other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Code, Element, Key, CustomName);
}
