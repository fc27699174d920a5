namespace Tripmate.Cql;

/// <summary>
/// The connection failed. <see cref="RequestWasSent"/> tells whether the server may have
/// received the request; only unsent requests are safe to retry blindly.
/// </summary>
public sealed class CqlConnectionException(string message, bool requestWasSent, Exception? inner = null) : CqlException(message, inner)
{
    public bool RequestWasSent { get; } = requestWasSent;

    public override bool IsRetryable => !RequestWasSent;
}

/// <summary>No contact point accepted a connection after the configured reconnect attempts.</summary>
public sealed class NoHostAvailableException(string message, Exception? inner) : CqlException(message, inner)
{
    public override bool IsRetryable => true;
}

/// <summary>A frame exceeded <see cref="CqlClusterOptions.MaxFrameSizeBytes"/>; it was not sent or was discarded unread.</summary>
public sealed class CqlFrameTooLargeException(string message) : CqlException(message)
{
    public override bool IsRetryable => false;
}

/// <summary>The server sent bytes that do not follow the protocol.</summary>
public sealed class CqlResponseFormatException(string message) : CqlException(message)
{
    public override bool IsRetryable => false;
}
