namespace Tripmate.Cql.Protocol;

/// <summary>A decoded response body (spec section 4.2).</summary>
internal abstract record ResponseMessage
{
    public Guid? TracingId { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

internal sealed record ReadyMessage : ResponseMessage;

internal sealed record AuthenticateMessage(string Authenticator) : ResponseMessage;

internal sealed record AuthChallengeMessage(byte[]? Token) : ResponseMessage;

internal sealed record AuthSuccessMessage(byte[]? Token) : ResponseMessage;

internal sealed record SupportedMessage(IReadOnlyDictionary<string, IReadOnlyList<string>> Options) : ResponseMessage;

internal sealed record ErrorMessage(CqlServerException Error) : ResponseMessage;

internal sealed record EventMessage(string EventType) : ResponseMessage;

/// <summary>Any RESULT except Prepared, already shaped as the public <see cref="RowSet"/>.</summary>
internal sealed record ResultMessage(RowSet RowSet) : ResponseMessage;

internal sealed record PreparedMessage(byte[] Id, IReadOnlyList<CqlColumn> Variables, IReadOnlyList<int> PartitionKeyIndexes, IReadOnlyList<CqlColumn> ResultColumns) : ResponseMessage;
