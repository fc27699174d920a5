using Amazon.S3.Model;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>Bytes received and kept as an object of their own until an S3 part fills (S3 parts are at least 5 MiB).</summary>
public sealed record StagedChunk(long Offset, int Length);

/// <summary>An S3 part already uploaded.</summary>
public sealed record UploadedPart(int Number, string ETag, long Length);

/// <summary>
/// A resumable (tus) upload in progress, kept as <c>uploads/{id}/session.json</c>. Its id becomes the
/// file's id once the last byte arrived. <see cref="Offset"/> counts the bytes kept: those in
/// <see cref="Parts"/> and then those in <see cref="Staged"/>, in order.
/// </summary>
public sealed record UploadSession(
    Guid Id,
    Guid OwnerId,
    string Name,
    long Length,
    long Offset,
    string? ContentType,
    string? MultipartUploadId,
    IReadOnlyList<UploadedPart> Parts,
    IReadOnlyList<StagedChunk> Staged,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public long StagedBytes => Staged.Sum(s => (long)s.Length);

    public bool IsComplete => Offset == Length;

    public IEnumerable<PartETag> PartETags => Parts.Select(p => new PartETag(p.Number, p.ETag));
}
