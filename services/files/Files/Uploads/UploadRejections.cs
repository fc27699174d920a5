namespace Tripmate.Files.Uploads;

/// <summary>The file is larger than <see cref="FilesOptions.MaxFileBytes"/>: a 413, with nothing kept.</summary>
public sealed class FileTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>The bytes are none of the allowed types (whatever the name claims): a 415, with nothing kept.</summary>
public sealed class UnsupportedContentException()
    : Exception("The file's content is not an allowed type (images, PDF, plain text, office documents, archives); its bytes decide, not its name.");
