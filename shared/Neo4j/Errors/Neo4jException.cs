namespace Tripmate.Neo4j.Errors;

/// <summary>
/// An error the server reported, typed by its <c>Neo.{Classification}.{Category}.{Title}</c> code:
/// a client error is the statement's fault and retrying it changes nothing; a transient one may
/// succeed if the unit of work is run again; a database error is the server's.
/// </summary>
public class Neo4jException(string code, string message, int? httpStatus = null, Exception? inner = null)
    : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;

    public string ServerMessage { get; } = message;

    public int? HttpStatus { get; } = httpStatus;

    /// <summary>Worth running the whole unit of work again (never a single statement of an open transaction).</summary>
    public virtual bool IsTransient => false;

    /// <summary>The exception for a server error, by its code; the server may list more than one, the first is the cause.</summary>
    public static Neo4jException From(string code, string message, int? httpStatus = null) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" or "Neo.ClientError.Security.AuthenticationRateLimit" or "Neo.ClientError.Security.Forbidden"
            => new Neo4jAuthenticationException(code, message, httpStatus),
        "Neo.ClientError.Schema.ConstraintValidationFailed" => new Neo4jConstraintViolationException(code, message, httpStatus),
        _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => new Neo4jTransientException(code, message, httpStatus),
        _ when code.StartsWith("Neo.ClientError.", StringComparison.Ordinal) => new Neo4jClientException(code, message, httpStatus),
        _ when code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) => new Neo4jDatabaseException(code, message, httpStatus),
        _ => new Neo4jException(code, message, httpStatus),
    };
}

/// <summary><c>Neo.ClientError.*</c>: the request was wrong (syntax, types, an expired transaction id). Never retried.</summary>
public class Neo4jClientException(string code, string message, int? httpStatus = null) : Neo4jException(code, message, httpStatus);

/// <summary>A unique or existence constraint refused the write: usually a race another writer won.</summary>
public sealed class Neo4jConstraintViolationException(string code, string message, int? httpStatus = null)
    : Neo4jClientException(code, message, httpStatus);

/// <summary>Wrong or missing credentials (401), or not allowed.</summary>
public sealed class Neo4jAuthenticationException(string code, string message, int? httpStatus = null)
    : Neo4jClientException(code, message, httpStatus);

/// <summary><c>Neo.TransientError.*</c>: a deadlock, a leader switch, the database starting. Retried with backoff.</summary>
public sealed class Neo4jTransientException(string code, string message, int? httpStatus = null) : Neo4jException(code, message, httpStatus)
{
    public override bool IsTransient => true;
}

/// <summary><c>Neo.DatabaseError.*</c>: the server failed. Not retried: it is not known to pass.</summary>
public sealed class Neo4jDatabaseException(string code, string message, int? httpStatus = null) : Neo4jException(code, message, httpStatus);

/// <summary>The server could not be reached or answered something that is not the Query API (a proxy's 502, a timeout). Retried.</summary>
public sealed class Neo4jUnavailableException(string message, Exception? inner = null)
    : Neo4jException("Tripmate.Neo4j.Unavailable", message, null, inner)
{
    public override bool IsTransient => true;
}

/// <summary>The answer broke the Query API's format. A bug on one side: not retried.</summary>
public sealed class Neo4jProtocolException(string message, Exception? inner = null)
    : Neo4jException("Tripmate.Neo4j.Protocol", message, null, inner);
