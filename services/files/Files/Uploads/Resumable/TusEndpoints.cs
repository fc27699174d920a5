using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tripmate.Files.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>
/// Resumable uploads, tus 1.0 (https://tus.io/protocols/resumable-upload): the core protocol and
/// the creation, creation-with-upload, termination, expiration and checksum extensions. An upload
/// is its owner's alone (anyone else gets 404). Its id is the id of the file it becomes.
/// </summary>
public static class TusEndpoints
{
    public const string Path = "/api/files/uploads";

    public static IEndpointRouteBuilder MapTusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var uploads = endpoints.MapGroup(Path).RequireAuthorization().NoStore()
            .WithTags("Resumable uploads").WithStandardProblems()
            // Every tus request but OPTIONS must name the protocol version (Tus-Resumable), else 412.
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                http.Response.Headers[TusHeaders.Resumable] = TusHeaders.Version;
                if (!HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers[TusHeaders.Resumable] != TusHeaders.Version)
                {
                    http.Response.Headers["Tus-Version"] = TusHeaders.Version;
                    return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "tus version not supported",
                        detail: $"Send {TusHeaders.Resumable}: {TusHeaders.Version}.");
                }

                return await next(context);
            });
        uploads.MapMethods("/", [HttpMethods.Options], Discover).AllowAnonymous().WithName("DiscoverResumableUploads")
            .WithSummary("What this tus server supports (versions, extensions, checksum algorithms, largest upload).");
        uploads.MapPost("/", CreateAsync).WithName("CreateResumableUpload")
            .WithSummary("Start an upload of Upload-Length bytes (Upload-Metadata: filename); a body sent with it is its first chunk.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        uploads.MapGet("/{id:guid}", StatusAsync).WithName("GetResumableUpload")
            .WithSummary("How many bytes the server has (HEAD, as tus clients ask).").ProducesProblem(StatusCodes.Status404NotFound);
        uploads.MapPatch("/{id:guid}", AppendAsync).WithName("AppendToResumableUpload")
            .WithSummary("Send bytes from Upload-Offset on (Content-Type: application/offset+octet-stream, optional Upload-Checksum).")
            .Accepts<Stream>(TusHeaders.ChunkContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(460);
        uploads.MapDelete("/{id:guid}", TerminateAsync).WithName("TerminateResumableUpload")
            .WithSummary("Abandon the upload; its bytes are removed.").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static NoContent Discover(HttpContext http, IOptions<FilesOptions> options)
    {
        http.Response.Headers["Tus-Version"] = TusHeaders.Version;
        http.Response.Headers["Tus-Extension"] = TusHeaders.Extensions;
        http.Response.Headers["Tus-Checksum-Algorithm"] = TusHeaders.ChecksumAlgorithms;
        http.Response.Headers["Tus-Max-Size"] = options.Value.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created, ProblemHttpResult>> CreateAsync(
        HttpContext http, UploadSessions sessions, ResumableUpload upload, IOptions<FilesOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var declared = http.Request.Headers[TusHeaders.UploadLength].ToString();
        if (declared.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Upload-Length missing",
                "Send Upload-Length, the upload's size in bytes (deferred lengths are not supported).");
        }

        if (!declared.All(char.IsAsciiDigit))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid Upload-Length", "Upload-Length is the upload's size in bytes: digits only.");
        }

        // Digits beyond a long are a size beyond any limit, not a missing one.
        if (TusHeaders.NonNegative(declared) is not { } length || length > options.Value.MaxFileBytes)
        {
            return UploadProblems.TooLarge(options.Value.MaxFileBytes);
        }

        var name = FileNames.Sanitize(TusHeaders.FileName(http.Request.Headers[TusHeaders.UploadMetadata]));
        if (FileNames.TooLong(name))
        {
            return UploadProblems.NameTooLong();
        }

        var now = FileRecorder.Now(clock);
        var session = new UploadSession(Guid.CreateVersion7(), http.User.GetUserId(), name, length, 0, null, null, [], [],
            now, now + options.Value.UploadExpiry);
        await sessions.CreateAsync(session, cancellationToken);
        var location = $"{Path}/{session.Id}";
        http.Response.Headers[TusHeaders.UploadExpires] = TusHeaders.Date(session.ExpiresAt);
        if (http.Request.ContentType == TusHeaders.ChunkContentType || session.Length == 0)
        {
            var (appended, problem) = await AppendBodyAsync(http, session, upload, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            http.Response.Headers[TusHeaders.UploadOffset] = appended!.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Created(location);
    }

    private static async Task<Results<Ok, NotFound>> StatusAsync(
        Guid id, HttpContext http, UploadSessions sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, sessions, clock, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers[TusHeaders.UploadOffset] = session.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[TusHeaders.UploadLength] = session.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[TusHeaders.UploadExpires] = TusHeaders.Date(session.ExpiresAt);
        return TypedResults.Ok();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> AppendAsync(
        Guid id, HttpContext http, UploadSessions sessions, ResumableUpload upload, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType != TusHeaders.ChunkContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not a tus chunk", $"Send chunks as {TusHeaders.ChunkContentType}.");
        }

        if (await FindAsync(id, http, sessions, clock, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        if (TusHeaders.NonNegative(http.Request.Headers[TusHeaders.UploadOffset]) is not { } offset || offset != session.Offset)
        {
            http.Response.Headers[TusHeaders.UploadOffset] = session.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status409Conflict, "Wrong offset",
                $"The upload is at offset {session.Offset}; ask with HEAD and send from there.");
        }

        // Two PATCHes read the same offset: only the one that claims it writes; the others are told the offset moved.
        await using var claim = await sessions.ClaimAsync(session, cancellationToken);
        // Read again once claimed: a request that held the claim before this one saved its offset before letting go.
        if (claim is not null && await FindAsync(id, http, sessions, clock, cancellationToken) is { } current)
        {
            session = current;
        }

        if (claim is null || session.Offset != offset)
        {
            http.Response.Headers[TusHeaders.UploadOffset] = session.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status409Conflict, "Offset taken",
                $"Another request is appending at offset {session.Offset}; ask with HEAD and send from where it ends.");
        }

        var (appended, problem) = await AppendBodyAsync(http, session, upload, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        http.Response.Headers[TusHeaders.UploadOffset] = appended!.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[TusHeaders.UploadExpires] = TusHeaders.Date(appended.ExpiresAt);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> TerminateAsync(
        Guid id, HttpContext http, UploadSessions sessions, ResumableUpload upload, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, sessions, clock, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        await upload.AbandonAsync(session, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(UploadSession? Session, ProblemHttpResult? Problem)> AppendBodyAsync(
        HttpContext http, UploadSession session, ResumableUpload upload, CancellationToken cancellationToken)
    {
        (System.Security.Cryptography.HashAlgorithmName, byte[])? checksum = null;
        if (http.Request.Headers[TusHeaders.UploadChecksum] is { Count: > 0 } header)
        {
            if (!TusHeaders.TryChecksum(header.ToString(), out var parsed))
            {
                return (null, Problem(StatusCodes.Status400BadRequest, "Bad Upload-Checksum",
                    $"Send Upload-Checksum as '<algorithm> <base64 digest>', the algorithm one of {TusHeaders.ChecksumAlgorithms}."));
            }

            checksum = parsed;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = session.Length - session.Offset + 1; // one byte more is the BeyondLength answer
        }

        try
        {
            return (await upload.AppendAsync(session, http.Request.Body, checksum, cancellationToken), null);
        }
        catch (ChecksumMismatchException e)
        {
            return (null, Problem(460, "Checksum mismatch", e.Message));
        }
        catch (BeyondLengthException e)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Beyond Upload-Length", e.Message));
        }
        catch (UnsupportedContentException e)
        {
            // The type is known from the first bytes: the rest would be refused as well, so nothing is kept.
            await upload.AbandonAsync(session, CancellationToken.None);
            return (null, UploadProblems.Unsupported(e.Message));
        }
    }

    /// <summary>The caller's own session, unless expired: anyone else's is not there.</summary>
    private static async Task<UploadSession?> FindAsync(Guid id, HttpContext http, UploadSessions sessions, TimeProvider clock, CancellationToken ct) =>
        await sessions.FindAsync(id, ct) is { } session && session.OwnerId == http.User.GetUserId() && session.ExpiresAt > clock.GetUtcNow()
            ? session
            : null;

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
