namespace Tripmate.Cql;

/// <summary>An ERROR response from the server (spec section 4.2.1); subclasses carry the code's details.</summary>
public class CqlServerException(CqlErrorCode code, string message) : CqlException(message)
{
    public CqlErrorCode Code { get; } = code;

    public override bool IsRetryable => false;
}

/// <summary>0x0000: a server-side bug; the request may or may not have been applied.</summary>
public sealed class ServerErrorException(string message) : CqlServerException(CqlErrorCode.ServerError, message);

/// <summary>0x000A: the client broke the protocol.</summary>
public sealed class ProtocolErrorException(string message) : CqlServerException(CqlErrorCode.ProtocolError, message);

/// <summary>0x0100: the credentials were refused.</summary>
public sealed class AuthenticationErrorException(string message) : CqlServerException(CqlErrorCode.AuthenticationError, message);

/// <summary>0x1001: the coordinator refused the request before running it.</summary>
public sealed class OverloadedException(string message) : CqlServerException(CqlErrorCode.Overloaded, message)
{
    public override bool IsRetryable => true;
}

/// <summary>0x1002: the coordinator is still joining and ran nothing; another node can answer.</summary>
public sealed class IsBootstrappingException(string message) : CqlServerException(CqlErrorCode.IsBootstrapping, message)
{
    public override bool IsRetryable => true;
}

/// <summary>0x1003: TRUNCATE failed.</summary>
public sealed class TruncateErrorException(string message) : CqlServerException(CqlErrorCode.TruncateError, message);

/// <summary>0x2000.</summary>
public sealed class SyntaxErrorException(string message) : CqlServerException(CqlErrorCode.SyntaxError, message);

/// <summary>0x2100: the user lacks a permission.</summary>
public sealed class UnauthorizedException(string message) : CqlServerException(CqlErrorCode.Unauthorized, message);

/// <summary>0x2200: syntactically valid but invalid query.</summary>
public sealed class InvalidQueryException(string message) : CqlServerException(CqlErrorCode.Invalid, message);

/// <summary>0x2300.</summary>
public sealed class ConfigErrorException(string message) : CqlServerException(CqlErrorCode.ConfigError, message);
