using Tripmate.Files.Groups;
using Tripmate.Files.Store;

namespace Tripmate.Files.Catalog;

/// <summary>
/// The one place that decides who may see a file. A file the caller may not see is answered as
/// if it did not exist (404), so ids of other people's files reveal nothing.
/// </summary>
public sealed class FilePermissions(FileCatalog catalog, GroupMemberships memberships)
{
    /// <summary>The file if the caller owns it; null otherwise (a 404 for every owner-only route).</summary>
    public async Task<FileRecord?> OwnedAsync(Guid fileId, Guid callerId, CancellationToken ct) =>
        await catalog.FindAsync(fileId, ct) is { } file && file.OwnerId == callerId ? file : null;

    /// <summary>The file if the caller owns it, it is shared with them, or with a group they are a member of now.</summary>
    public async Task<FileRecord?> ReadableAsync(Guid fileId, Guid callerId, CancellationToken ct)
    {
        if (await catalog.FindAsync(fileId, ct) is not { } file)
        {
            return null;
        }

        if (file.OwnerId == callerId || await catalog.IsSharedWithAsync(fileId, ShareTarget.User(callerId), ct))
        {
            return file;
        }

        foreach (var share in await catalog.SharesAsync(fileId, ct))
        {
            if (share.Target.IsGroup && await memberships.IsMemberAsync(share.Target.Id, callerId, ct))
            {
                return file;
            }
        }

        return null;
    }
}
