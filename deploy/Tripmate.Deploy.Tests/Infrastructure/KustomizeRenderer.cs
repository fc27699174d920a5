using k8s;
using YamlDotNet.RepresentationModel;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>One overlay with a chosen set of components switched on.</summary>
public sealed record Variant(string Overlay, IReadOnlyList<string> Components)
{
    public override string ToString() => Components.Count == 0 ? $"{Overlay} (no components)" : $"{Overlay} + {string.Join(" + ", Components)}";
}

/// <summary>
/// Renders deploy/k8s with the real <c>kubectl kustomize</c>. A variant is the overlay copied into
/// a scratch folder at the same depth (so its relative paths still hold) with its component list
/// replaced; the scratch folder is deleted afterwards.
/// </summary>
public static class KustomizeRenderer
{
    public const string ScratchFolder = ".test-render";

    public static IReadOnlyList<string> Overlays { get; } = Names("overlays");

    public static IReadOnlyList<string> Components { get; } = Names("components");

    /// <summary>Every overlay with every subset of the components (there are few of them).</summary>
    public static IEnumerable<Variant> Variants() =>
        from overlay in Overlays
        from mask in Enumerable.Range(0, 1 << Components.Count)
        select new Variant(overlay, Components.Where((_, i) => (mask & (1 << i)) != 0).ToList());

    /// <summary>An overlay exactly as committed.</summary>
    public static ToolResult RenderOverlay(string overlay) =>
        Kubectl(Repo.Path($"deploy/k8s/overlays/{overlay}"));

    /// <summary>A variant, optionally with more JSON6902 patches (each target and patch text) appended.</summary>
    public static ToolResult Render(Variant variant, params (string Target, string Patch)[] extraPatches)
    {
        var scratch = Repo.Path($"deploy/k8s/{ScratchFolder}/{Guid.NewGuid():N}");
        try
        {
            CopyDirectory(Repo.Path($"deploy/k8s/overlays/{variant.Overlay}"), scratch);
            var file = Path.Combine(scratch, "kustomization.yaml");
            var yaml = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(file)))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            root.Children.Remove(new YamlScalarNode("components"));
            if (variant.Components.Count > 0)
            {
                root.Add("components", new YamlSequenceNode(variant.Components.Select(c => new YamlScalarNode($"../../components/{c}"))));
            }

            if (extraPatches.Length > 0)
            {
                if (!root.Children.TryGetValue(new YamlScalarNode("patches"), out var patches))
                {
                    patches = new YamlSequenceNode();
                    root.Add("patches", patches);
                }

                foreach (var (target, patch) in extraPatches)
                {
                    var targetNode = new YamlMappingNode();
                    foreach (var pair in target.Split(','))
                    {
                        var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
                        targetNode.Add(key, value);
                    }

                    ((YamlSequenceNode)patches).Add(new YamlMappingNode { { "target", targetNode }, { "patch", patch } });
                }
            }

            using (var writer = new StreamWriter(file))
            {
                yaml.Save(writer, assignAnchors: false);
            }

            return Kubectl(scratch);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The rendered objects, typed (Deployment as V1Deployment, ...).</summary>
    public static IList<object> Load(ToolResult rendered)
    {
        Assert.True(rendered.Succeeded, rendered.ToString());
        return KubernetesYaml.LoadAllFromString(rendered.Output);
    }

    private static ToolResult Kubectl(string directory) =>
        Tool.Run("kubectl", ["kustomize", directory], timeout: TimeSpan.FromMinutes(1));

    private static IReadOnlyList<string> Names(string folder) =>
        Directory.GetDirectories(Repo.Path($"deploy/k8s/{folder}")).Select(d => Path.GetFileName(d)!).Order().ToList();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
