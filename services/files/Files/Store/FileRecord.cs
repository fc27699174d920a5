namespace Tripmate.Files.Store;

/// <summary>
/// What the service knows of a file, kept as <c>files/{id}/record.json</c> beside its bytes. It is
/// the file's existence: an index entry or content without a record is a file that is not (yet,
/// or any more) there. <see cref="CreatedAt"/> is at millisecond precision, as keys hold it.
/// </summary>
public sealed record FileRecord(
    Guid Id, Guid OwnerId, string Name, long Size, string ContentType, string Sha256, DateTimeOffset CreatedAt);

/// <summary>Who a file is shared with: a user, or every current member of a group.</summary>
public sealed record ShareTarget(string Kind, Guid Id)
{
    public const string UserKind = "user";
    public const string GroupKind = "group";

    public static ShareTarget User(Guid userId) => new(UserKind, userId);

    public static ShareTarget Group(Guid groupId) => new(GroupKind, groupId);

    public bool IsGroup => Kind == GroupKind;
}

/// <summary>A share as kept under the file (<c>files/{id}/shares/{kind}/{id}</c>).</summary>
public sealed record ShareRecord(Guid FileId, ShareTarget Target, DateTimeOffset SharedAt);
