using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Tripmate.Files.Catalog;
using Tripmate.Files.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Files.Content;

public static class ContentEndpoints
{
    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/files/{id:guid}/content", DownloadAsync).RequireAuthorization().NoStore()
            .WithTags("Files").WithStandardProblems().WithName("DownloadFile")
            .WithSummary("The file's bytes, streamed; conditional (ETag, Last-Modified) and single-range requests are answered.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);
        return endpoints;
    }

    /// <summary>
    /// ASP.NET's stream result does the HTTP (304, 206, 416, Accept-Ranges) from the file's
    /// SHA-256 as a strong ETag and its creation time; the bytes never change once stored.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        Guid id, HttpContext http, FilePermissions access, Bucket bucket, CancellationToken cancellationToken)
    {
        if (await access.ReadableAsync(id, http.User.GetUserId(), cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        // RFC 9110 14.2: a Range of a unit the server does not know is ignored (the whole file, 200).
        if (http.Request.Headers.Range.ToString() is { Length: > 0 } range && !range.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            http.Request.Headers.Remove(HeaderNames.Range);
        }

        http.Response.Headers.ContentDisposition = ContentDisposition.Attachment(file.Name);
        // The type was decided from the bytes; never let a browser guess another.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(
            new S3ContentStream(bucket, BucketKeys.Content(file.Id), file.Size), file.ContentType,
            lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
