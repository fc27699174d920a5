using YamlDotNet.RepresentationModel;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>Navigation in a YAML document (YamlDotNet comes with KubernetesClient).</summary>
public static class Yaml
{
    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new KeyNotFoundException($"{key} is not a mapping");

    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value)) : [];

    public static IEnumerable<string> Items(this YamlNode? node) =>
        node is YamlSequenceNode list ? list.Children.Select(c => c is YamlScalarNode s ? s.Value! : c.ToString()) : [];
}
