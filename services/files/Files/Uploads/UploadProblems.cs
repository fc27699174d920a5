using Microsoft.AspNetCore.Http.HttpResults;

namespace Tripmate.Files.Uploads;

/// <summary>The problem answers of both upload paths, worded once.</summary>
public static class UploadProblems
{
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
        detail: $"A file may have at most {limit} bytes; nothing was kept.");

    public static ProblemHttpResult Unsupported(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "File type not allowed", detail: detail);

    public static ProblemHttpResult NotMultipart() => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a multipart upload",
        detail: "Send the file as multipart/form-data with a boundary, in a field named 'file'.");

    public static ProblemHttpResult NoFile() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "No file",
        detail: "The multipart body has no file field named 'file'.");

    public static ProblemHttpResult NameTooLong() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "File name too long",
        detail: $"A file name may have at most {FileNames.MaxBytes} bytes of UTF-8; nothing was kept.");

    public static ProblemHttpResult Malformed(string reason) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Malformed multipart body",
        detail: $"The multipart body could not be read ({reason}); nothing was kept.");
}
