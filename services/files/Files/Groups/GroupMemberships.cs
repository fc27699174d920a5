using System.Globalization;
using Tripmate.Files.Store;

namespace Tripmate.Files.Groups;

/// <summary>
/// Who is in which group, projected from identity's group events into the bucket. Chosen over
/// asking identity on every read: a group member's read then needs no second service (identity
/// down does not make shared files unreadable), costs one S3 listing instead of an HTTP call with
/// retries, and a removal takes effect as soon as its event is consumed, with no cache to evict.
/// <para>
/// Every event writes its own object, <c>groups/{g}/members/{u}/{inverted version}-{state}</c>,
/// never overwriting another: S3 has no compare-and-set, so two events of one member consumed at
/// once could otherwise leave the older one's state. The newest version sorts first, so the
/// membership is the first key of one listing, and a removal is a tombstone no late add can undo.
/// The same entry under <c>member-of/{u}/{g}/</c> gives a user's groups in one listing.
/// </para>
/// </summary>
public sealed class GroupMemberships(Bucket bucket)
{
    private const string Added = "added";
    private const string Removed = "removed";

    public Task AddAsync(Guid groupId, Guid userId, long version, CancellationToken ct) => WriteAsync(groupId, userId, version, Added, ct);

    public Task RemoveAsync(Guid groupId, Guid userId, long version, CancellationToken ct) => WriteAsync(groupId, userId, version, Removed, ct);

    public async Task<bool> IsMemberAsync(Guid groupId, Guid userId, CancellationToken ct) =>
        IsAdded((await bucket.ListAsync(MemberPrefix(groupId, userId), startAfter: null, max: 1, ct)).Objects);

    /// <summary>Every user that was ever a member (the group's deletion tombstones them all).</summary>
    public async Task<IReadOnlyList<Guid>> KnownMembersAsync(Guid groupId, CancellationToken ct)
    {
        var prefix = $"groups/{groupId:D}/members/";
        var users = new HashSet<Guid>();
        await foreach (var listed in bucket.ListAllAsync(prefix, ct))
        {
            if (Guid.TryParseExact(listed.Key.AsSpan(prefix.Length, 36), "D", out var userId))
            {
                users.Add(userId);
            }
        }

        return [.. users];
    }

    /// <summary>The groups the user is a member of now.</summary>
    public async Task<IReadOnlyList<Guid>> GroupsOfAsync(Guid userId, CancellationToken ct)
    {
        var prefix = $"member-of/{userId:D}/";
        var newest = new Dictionary<Guid, string>();
        await foreach (var listed in bucket.ListAllAsync(prefix, ct))
        {
            // Keys of one group are adjacent and newest first: the first seen is its state.
            if (Guid.TryParseExact(listed.Key.AsSpan(prefix.Length, 36), "D", out var groupId))
            {
                newest.TryAdd(groupId, listed.Key);
            }
        }

        return [.. newest.Where(g => g.Value.EndsWith(Added, StringComparison.Ordinal)).Select(g => g.Key)];
    }

    private async Task WriteAsync(Guid groupId, Guid userId, long version, string state, CancellationToken ct)
    {
        var entry = $"{(long.MaxValue - version).ToString("D19", CultureInfo.InvariantCulture)}-{state}";
        await bucket.PutAsync(MemberPrefix(groupId, userId) + entry, ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
        await bucket.PutAsync($"member-of/{userId:D}/{groupId:D}/{entry}", ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
    }

    private static string MemberPrefix(Guid groupId, Guid userId) => $"groups/{groupId:D}/members/{userId:D}/";

    private static bool IsAdded(IReadOnlyList<ListedObject> newestFirst) =>
        newestFirst is [var newest, ..] && newest.Key.EndsWith(Added, StringComparison.Ordinal);
}
