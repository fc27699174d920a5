using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tripmate.Files.Content;
using Tripmate.Files.Groups;
using Tripmate.Files.Store;
using Tripmate.Files.Uploads;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Files.Catalog;

/// <summary>A pre-signed URL for reading the file's bytes from S3 directly, until <see cref="ExpiresAt"/>.</summary>
public sealed record DownloadUrlResponse(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Files and lists of files. Nothing here may be cached by the gateway (<c>no-store</c>): who may
/// read a file changes with group membership, which this service learns from events and no cache
/// tag of a request could follow, and the lists change with every upload.
/// </summary>
public static class FilesEndpoints
{
    public static IEndpointRouteBuilder MapFilesCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/api/files").RequireAuthorization().NoStore()
            .WithTags("Files").WithStandardProblems();
        files.MapPost("/", FormUpload.UploadAsync).WithName("UploadFile")
            .WithSummary("Upload a file (multipart/form-data, field 'file'); its type is decided from its bytes.")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        files.MapGet("/", ListOwnAsync).WithName("ListFiles").WithSummary("The caller's files, newest first.");
        files.MapGet("/shared-with-me", ListSharedAsync).WithName("ListFilesSharedWithMe")
            .WithSummary("Files shared with the caller, directly or through a group they are a member of, newest first.");
        files.MapGet("/{id:guid}", GetAsync).WithName("GetFile").WithSummary("A file's metadata.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/{id:guid}/download-url", DownloadUrlAsync).WithName("GetFileDownloadUrl")
            .WithSummary("A link to the bytes: pre-signed for S3 (valid Files:DownloadUrlLifetime) where the store checks signatures, else this service's content URL (with your token).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        files.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteFile")
            .WithSummary("Delete a file, its bytes and its shares (its owner only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Ok<Page<FileResponse>>> ListOwnAsync(
        [AsParameters] PageQuery page, HttpContext http, FileCatalog catalog, CancellationToken cancellationToken)
    {
        var after = page.After<FileListPosition>("owned", FileListPosition.IsValid);
        var found = await catalog.ListAsync([BucketKeys.OwnedBy(http.User.GetUserId())], after, page.Size, cancellationToken);
        return TypedResults.Ok(Page.From(found, FileResponse.From, "owned"));
    }

    private static async Task<Ok<Page<FileResponse>>> ListSharedAsync(
        [AsParameters] PageQuery page, HttpContext http, FileCatalog catalog, GroupMemberships memberships, CancellationToken cancellationToken)
    {
        var after = page.After<FileListPosition>("shared", FileListPosition.IsValid);
        var callerId = http.User.GetUserId();
        var groups = await memberships.GroupsOfAsync(callerId, cancellationToken);
        string[] lists = [BucketKeys.SharedWith(ShareTarget.User(callerId)), .. groups.Select(g => BucketKeys.SharedWith(ShareTarget.Group(g)))];
        var found = await catalog.ListAsync(lists, after, page.Size, cancellationToken);
        return TypedResults.Ok(Page.From(found, FileResponse.From, "shared"));
    }

    private static async Task<Results<Ok<FileResponse>, NotFound>> GetAsync(
        Guid id, HttpContext http, FilePermissions access, CancellationToken cancellationToken) =>
        await access.ReadableAsync(id, http.User.GetUserId(), cancellationToken) is { } file
            ? TypedResults.Ok(FileResponse.From(file))
            : TypedResults.NotFound();

    /// <summary>
    /// A pre-signed S3 link only where the store checks its signature (<see cref="S3Options.VerifiesSignatures"/>):
    /// elsewhere a link to the store would open it to anyone, so the link is the service's own
    /// streaming URL, read with the caller's token like any other request.
    /// </summary>
    private static async Task<Results<Ok<DownloadUrlResponse>, NotFound>> DownloadUrlAsync(
        Guid id, HttpContext http, FilePermissions access, IServiceProvider services, IOptions<S3Options> store,
        Bucket bucket, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await access.ReadableAsync(id, http.User.GetUserId(), cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var expiresAt = clock.GetUtcNow() + options.Value.DownloadUrlLifetime;
        if (!store.Value.VerifiesSignatures)
        {
            return TypedResults.Ok(new DownloadUrlResponse($"/api/files/{file.Id:D}/content", expiresAt));
        }

        var publicS3 = services.GetRequiredKeyedService<IAmazonS3>(FilesStoreExtensions.PublicClient);
        var url = await publicS3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket.Name,
            Key = BucketKeys.Content(file.Id),
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = publicS3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
            ResponseHeaderOverrides = { ContentDisposition = ContentDisposition.Attachment(file.Name), ContentType = file.ContentType },
        });
        return TypedResults.Ok(new DownloadUrlResponse(url, expiresAt));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, HttpContext http, FilePermissions access, FileRemoval removal, CancellationToken cancellationToken)
    {
        if (await access.OwnedAsync(id, http.User.GetUserId(), cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        await removal.DeleteAsync(file, cancellationToken);
        return TypedResults.NoContent();
    }
}
