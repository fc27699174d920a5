namespace Tripmate.Messaging.Store;

/// <summary>
/// A notification for one user. <see cref="Id"/> is a time-based UUID; when made from an event it is
/// derived from the event id and the recipient (<see cref="TimeUuid.Derive"/>), so a redelivered
/// event stores nothing twice. <see cref="Data"/> holds the ids a client needs (conversation, message, group).
/// </summary>
public sealed record Notification(
    Guid UserId,
    Guid Id,
    string Type,
    string Text,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset CreatedAt,
    bool IsRead = false);

