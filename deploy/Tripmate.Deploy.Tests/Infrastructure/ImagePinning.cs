namespace Tripmate.Deploy.Tests.Infrastructure;

public static class ImagePinning
{
    /// <summary>"name:tag" with a tag other than latest, or "name@sha256:...".</summary>
    public static bool IsPinned(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return false;
        }

        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        if (colon < 0)
        {
            return false;
        }

        var tag = image[(colon + 1)..];
        return tag.Length > 0 && tag != "latest" && !tag.Contains('$');
    }
}
