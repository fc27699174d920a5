using System.Globalization;

namespace Tripmate.Files.Store;

/// <summary>
/// The key layout of the bucket, in one place (README: "Store layout"). Every list the API offers
/// is one prefix listing: keys of a list start with what the list belongs to, then
/// <see cref="NewestFirst"/> of the file's creation, so S3's ascending key order is newest first.
/// </summary>
public static class BucketKeys
{
    private const long MaxUnixMs = 9_999_999_999_999; // year 2286: 13 digits, so keys sort as numbers

    public static string Content(Guid fileId) => $"files/{fileId:D}/content";

    public static string Record(Guid fileId) => $"files/{fileId:D}/record.json";

    /// <summary>A file's shares: <c>files/{id}/shares/user/{userId}</c> and <c>.../group/{groupId}</c>.</summary>
    public static string SharesOf(Guid fileId) => $"files/{fileId:D}/shares/";

    public static string Share(Guid fileId, ShareTarget target) => $"{SharesOf(fileId)}{target.Kind}/{target.Id:D}";

    /// <summary>The owner's list: one empty object per file.</summary>
    public static string OwnedBy(Guid ownerId) => $"owners/{ownerId:D}/";

    public static string OwnerEntry(FileRecord file) => $"{OwnedBy(file.OwnerId)}{NewestFirst(file.CreatedAt)}-{file.Id:D}";

    /// <summary>What was shared with a user or a group, in the order of the files' creation, newest first.</summary>
    public static string SharedWith(ShareTarget target) => $"shared-with/{target.Kind}/{target.Id:D}/";

    public static string SharedWithEntry(ShareTarget target, FileRecord file) => $"{SharedWith(target)}{NewestFirst(file.CreatedAt)}-{file.Id:D}";

    /// <summary>Written before an upload's bytes, removed by the change that records the file: what the sweep repairs.</summary>
    public const string PendingPrefix = "pending/";

    public static string Pending(Guid fileId) => $"{PendingPrefix}{fileId:D}";

    /// <summary>A resumable upload's state, and the chunks staged until an S3 part fills.</summary>
    public static string UploadSession(Guid uploadId) => $"uploads/{uploadId:D}/session.json";

    public static string UploadFolder(Guid uploadId) => $"uploads/{uploadId:D}/";

    public static string StagedChunk(Guid uploadId, long offset) => $"uploads/{uploadId:D}/staged/{offset.ToString("D13", CultureInfo.InvariantCulture)}";

    public static string StagedChunks(Guid uploadId) => $"uploads/{uploadId:D}/staged/";

    /// <summary>Held by the one PATCH appending at this offset (see <see cref="Uploads.Resumable.UploadSessions.ClaimAsync"/>).</summary>
    public static string UploadClaim(Guid uploadId, long offset) => $"uploads/{uploadId:D}/claim-{offset.ToString("D13", CultureInfo.InvariantCulture)}";

    /// <summary>Resumable uploads by expiry time, oldest first: the sweep lists from the start until the first one still valid.</summary>
    public const string UploadExpiryPrefix = "upload-expiry/";

    public static string UploadExpiry(DateTimeOffset expiresAt, Guid uploadId) =>
        $"{UploadExpiryPrefix}{expiresAt.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture)}-{uploadId:D}";

    /// <summary>Changes committed and not yet relayed, oldest first (see Store/Changes).</summary>
    public const string OutboxPrefix = "outbox/changes/";

    public static string OutboxChange(DateTimeOffset at, Guid changeId) =>
        $"{OutboxPrefix}{at.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture)}-{changeId:D}.json";

    public static string OutboxLease(Guid changeId) => $"outbox/leases/{changeId:D}";

    public static string OutboxParked(Guid messageId) => $"outbox/parked/{messageId:D}.json";

    public const string ProcessedPrefix = "processed/";

    public static string Processed(string consumer, Guid eventId) => $"{ProcessedPrefix}{consumer}/{eventId:D}";

    /// <summary>The file id at the end of an index entry (owner or shared-with list).</summary>
    public static bool TryFileIdOfEntry(string key, out Guid fileId) =>
        Guid.TryParseExact(key.Length >= 36 ? key[^36..] : "", "D", out fileId);

    public static string NewestFirst(DateTimeOffset at) =>
        (MaxUnixMs - at.ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture);
}
