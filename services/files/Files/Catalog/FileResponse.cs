using Tripmate.Files.Store;

namespace Tripmate.Files.Catalog;

/// <param name="Sha256">Lowercase hex of the content's SHA-256, computed while it streamed in.</param>
public sealed record FileResponse(Guid Id, string Name, long Size, string ContentType, string Sha256, Guid OwnerId, DateTimeOffset CreatedAt)
{
    public static FileResponse From(FileRecord file) =>
        new(file.Id, file.Name, file.Size, file.ContentType, file.Sha256, file.OwnerId, file.CreatedAt);
}
