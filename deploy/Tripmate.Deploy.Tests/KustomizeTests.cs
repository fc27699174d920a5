using k8s.Models;
using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>Acceptance 2: every overlay renders with and without each component, and what it renders holds.</summary>
public sealed class KustomizeTests
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in KustomizeRenderer.Variants())
        {
            data.Add(variant.Overlay, string.Join(",", variant.Components));
        }

        return data;
    }

    private static Variant VariantOf(string overlay, string components) =>
        new(overlay, components.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void There_are_dev_and_prod_overlays_and_a_network_policies_component()
    {
        Assert.Equal(["dev", "prod"], KustomizeRenderer.Overlays);
        Assert.Contains("network-policies", KustomizeRenderer.Components);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_overlay_renders_as_committed_and_passes_every_check(string overlay)
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay(overlay));

        Assert.Empty(ManifestChecks.Run(objects).Problems);
        // Both overlays switch the network policies on.
        Assert.Contains(objects.OfType<V1NetworkPolicy>(), p => p.Metadata.Name == "default-deny");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_renders_and_passes_every_check(string overlay, string components)
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.Render(VariantOf(overlay, components)));

        var problems = ManifestChecks.Run(objects).Problems;

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(["files", "gateway", "identity", "messaging", "social-graph"],
            objects.OfType<V1Deployment>().Select(d => d.Metadata.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Network_policies_admit_exactly_the_flows_the_readme_names(string overlay, string components)
    {
        var variant = VariantOf(overlay, components);
        var objects = KustomizeRenderer.Load(KustomizeRenderer.Render(variant));
        if (!variant.Components.Contains("network-policies"))
        {
            // Switched off: no ingress policy at all, so every connection is open (what the overlay's comment says).
            var workloads = NetworkFlows.Workloads(objects).Keys.Append(NetworkFlows.Outside).ToList();
            var everything = (from source in workloads from target in workloads where target != NetworkFlows.Outside && source != target select new Flow(source, target)).ToHashSet();
            Assert.True(NetworkFlows.Admitted(objects).SetEquals(everything));
            Assert.DoesNotContain(objects.OfType<V1NetworkPolicy>(), p => p.Spec.PolicyTypes.Contains("Ingress"));
            return;
        }

        var admitted = NetworkFlows.Admitted(objects);
        var documented = NetworkFlows.Documented(NetworkFlows.Workloads(objects).Keys);

        Assert.NotEmpty(documented);
        Assert.True(admitted.SetEquals(documented),
            $"admitted but not documented: {string.Join(", ", admitted.Except(documented).Order(FlowOrder))}\n" +
            $"documented but not admitted: {string.Join(", ", documented.Except(admitted).Order(FlowOrder))}");
        var deny = Assert.Single(objects.OfType<V1NetworkPolicy>(), p => p.Metadata.Name == "default-deny");
        Assert.True(Selectors.IsEmpty(deny.Spec.PodSelector));
        Assert.Equal(["Egress", "Ingress"], deny.Spec.PolicyTypes.Order());
    }

    [Fact]
    public void The_dev_overlay_runs_every_store_as_a_stateful_set_with_a_volume()
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay("dev"));

        var stores = objects.OfType<V1StatefulSet>().ToDictionary(s => s.Metadata.Name);
        Assert.Equal(["cassandra", "minio", "neo4j", "postgres", "rabbitmq", "redis"], stores.Keys.Order());
        // Redis holds only the gateway's cache and counters: no volume, by design.
        Assert.All(stores.Values.Where(s => s.Metadata.Name != "redis"), s => Assert.NotEmpty(s.Spec.VolumeClaimTemplates));
        Assert.All(stores.Values, s => Assert.NotNull(s.Spec.Template.Spec.Containers[0].ReadinessProbe));
        var messaging = Config(objects, "messaging-config");
        Assert.Equal("Cassandra", messaging["Messaging__Store"]);
        Assert.Equal("cassandra:9042", messaging["Cassandra__ContactPoints"]);
        Assert.Equal("Neo4j", Config(objects, "social-graph-config")["SocialGraph__Store"]);
    }

    [Fact]
    public void The_prod_overlay_runs_no_store_and_names_external_ones()
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay("prod"));

        Assert.Empty(objects.OfType<V1StatefulSet>());
        Assert.DoesNotContain("cassandra:9042", Config(objects, "messaging-config")["Cassandra__ContactPoints"]);
        Assert.All(objects.OfType<V1Deployment>(), d => Assert.True(d.Spec.Replicas >= 2, d.Metadata.Name));
        Assert.All(objects.OfType<V1Deployment>(), d => Assert.StartsWith("registry.example.com/", d.Spec.Template.Spec.Containers[0].Image));
    }

    [Fact]
    public void The_gateway_finds_each_service_through_its_headless_service_by_dns()
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay("dev"));

        var gateway = Config(objects, "gateway-config");
        Assert.Equal("true", gateway["Gateway__DnsResolver__Enabled"]);
        foreach (var service in new[] { "identity", "messaging", "social-graph", "files" })
        {
            Assert.Equal($"http://{service}:8080", gateway[$"ReverseProxy__Clusters__{service}__Destinations__{service}__Address"]);
            Assert.Equal("None", objects.OfType<V1Service>().Single(s => s.Metadata.Name == service).Spec.ClusterIP);
        }
    }

    private static IDictionary<string, string> Config(IList<object> objects, string prefix) =>
        objects.OfType<V1ConfigMap>().Single(m => m.Metadata.Name.StartsWith(prefix + "-", StringComparison.Ordinal)).Data;

    private static readonly Comparer<Flow> FlowOrder = Comparer<Flow>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
}
