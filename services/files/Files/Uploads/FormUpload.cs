using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tripmate.Files.Catalog;
using Tripmate.Files.Store;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Files.Uploads;

/// <summary>
/// <c>POST /api/files</c>: reads the multipart body section by section (never as a form, which
/// ASP.NET would buffer to disk) and streams the <c>file</c> field into the bucket as it arrives.
/// </summary>
public static class FormUpload
{
    /// <summary>Room for the multipart framing and a few small fields around the file itself.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static async Task<Results<Created<FileResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext http, ObjectUpload upload, FileRecorder recorder, IOptions<FilesOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        if (http.Request.ContentLength > limit + EnvelopeBytes)
        {
            return UploadProblems.TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Kestrel's default (30 MB) would cut a legal file short; one byte more than this and the limit below answers 413 first.
            bodyLimit.MaxRequestBodySize = limit + EnvelopeBytes + 1;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return UploadProblems.NotMultipart();
        }

        try
        {
            return await ReadFileSectionAsync(http, boundary, upload, recorder, limit, clock, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            // A body that ends early or breaks the multipart grammar (an unterminated part, endless headers).
            return UploadProblems.Malformed(e.Message);
        }
    }

    private static async Task<Results<Created<FileResponse>, ProblemHttpResult>> ReadFileSectionAsync(
        HttpContext http, string boundary, ObjectUpload upload, FileRecorder recorder, long limit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, "file", StringComparison.Ordinal))
            {
                continue; // other fields are not read: the file is all this route takes
            }

            var name = FileNames.Sanitize(HeaderUtilities.RemoveQuotes(
                disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
            if (FileNames.TooLong(name))
            {
                return UploadProblems.NameTooLong();
            }

            var fileId = Guid.CreateVersion7();
            var ownerId = http.User.GetUserId();
            try
            {
                var stored = await upload.WriteAsync(BucketKeys.Content(fileId), section.Body, name,
                    ct => recorder.MarkPendingAsync(fileId, ct), cancellationToken);
                var file = await recorder.RecordAsync(fileId, ownerId, name, stored, FileRecorder.Now(clock), cancellationToken);
                return TypedResults.Created($"/api/files/{file.Id}", FileResponse.From(file));
            }
            catch (Exception e)
            {
                // The bytes are gone already (ObjectUpload); the mark too, so a refused upload leaves nothing.
                await recorder.ForgetPendingAsync(fileId);
                if (e is FileTooLargeException)
                {
                    return UploadProblems.TooLarge(limit);
                }

                if (e is UnsupportedContentException)
                {
                    return UploadProblems.Unsupported(e.Message);
                }

                throw;
            }
        }

        return UploadProblems.NoFile();
    }
}
