namespace Tripmate.Cql;

/// <summary>
/// The "not set" bind value (spec section 3, [value] with length -2): leaves the column unchanged,
/// unlike null which writes a tombstone.
/// </summary>
public sealed class CqlUnset
{
    private CqlUnset() { }

    public static readonly CqlUnset Value = new();

    public override string ToString() => "unset";
}
