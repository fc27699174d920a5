namespace Tripmate.SocialGraph.Store;

/// <summary>The <c>SocialGraph</c> section.</summary>
public sealed class GraphStoreOptions
{
    public const string Section = "SocialGraph";

    /// <summary>Where the embedded store keeps its file; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}
