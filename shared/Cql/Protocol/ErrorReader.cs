namespace Tripmate.Cql.Protocol;

/// <summary>Maps an ERROR body (spec sections 4.2.1 and 9) to its typed exception with details.</summary>
internal static class ErrorReader
{
    public static CqlServerException Read(ref ProtocolReader reader)
    {
        var code = (CqlErrorCode)reader.ReadInt();
        var message = reader.ReadString();
        return code switch
        {
            CqlErrorCode.ServerError => new ServerErrorException(message),
            CqlErrorCode.ProtocolError => new ProtocolErrorException(message),
            CqlErrorCode.AuthenticationError => new AuthenticationErrorException(message),
            CqlErrorCode.Unavailable => new UnavailableException(message, (Consistency)reader.ReadShort(), reader.ReadInt(), reader.ReadInt()),
            CqlErrorCode.Overloaded => new OverloadedException(message),
            CqlErrorCode.IsBootstrapping => new IsBootstrappingException(message),
            CqlErrorCode.TruncateError => new TruncateErrorException(message),
            CqlErrorCode.WriteTimeout => new WriteTimeoutException(message, (Consistency)reader.ReadShort(), reader.ReadInt(), reader.ReadInt(), reader.ReadString()),
            CqlErrorCode.ReadTimeout => new ReadTimeoutException(message, (Consistency)reader.ReadShort(), reader.ReadInt(), reader.ReadInt(), reader.ReadByte() != 0),
            CqlErrorCode.ReadFailure => new ReadFailureException(message, (Consistency)reader.ReadShort(), reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadByte() != 0),
            CqlErrorCode.FunctionFailure => new FunctionFailureException(message, reader.ReadString(), reader.ReadString(), reader.ReadStringList()),
            CqlErrorCode.WriteFailure => new WriteFailureException(message, (Consistency)reader.ReadShort(), reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadString()),
            CqlErrorCode.SyntaxError => new SyntaxErrorException(message),
            CqlErrorCode.Unauthorized => new UnauthorizedException(message),
            CqlErrorCode.Invalid => new InvalidQueryException(message),
            CqlErrorCode.ConfigError => new ConfigErrorException(message),
            CqlErrorCode.AlreadyExists => new AlreadyExistsException(message, reader.ReadString(), reader.ReadString()),
            CqlErrorCode.Unprepared => new UnpreparedException(message, reader.ReadShortBytes().ToArray()),
            // A code from a newer server: keep the code and message rather than failing the connection.
            _ => new CqlServerException(code, message),
        };
    }
}
