namespace Tripmate.Cql;

/// <summary>Base of every error this client raises.</summary>
public abstract class CqlException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// True when the request is known to have had no effect and sending it again (to this or
    /// another node) may succeed. False means a retry could apply a write twice or cannot help.
    /// </summary>
    public abstract bool IsRetryable { get; }
}
