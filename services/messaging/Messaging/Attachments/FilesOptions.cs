namespace Tripmate.Messaging.Attachments;

/// <summary>The <c>Files</c> section: where the files service answers whether a sender may read a file.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The files service's base URL (its own, not the gateway's); required.</summary>
    public string Url { get; set; } = "";
}
