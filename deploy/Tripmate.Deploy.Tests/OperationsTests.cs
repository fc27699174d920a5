using k8s.Models;
using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>
/// Issue 24's deploy half: TLS at the Ingress, a drain longer than the gateway's DNS refresh,
/// trusted proxies narrowed to the ingress controller, a least-privilege database role, health
/// details on a port only operators reach. The checks run on every variant
/// (KustomizeTests); these show each one holds where it matters and fails when broken.
/// </summary>
public sealed class OperationsTests
{
    private static IList<object> Prod => KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay("prod"));

    private static IReadOnlyList<string> ProblemsWith(string overlay, params (string Target, string Patch)[] patches) =>
        ManifestChecks.Run(KustomizeRenderer.Load(KustomizeRenderer.Render(new Variant(overlay, ["network-policies"]), patches))).Problems;

    [Fact]
    public void Prod_terminates_tls_at_the_ingress_for_the_host_clients_use()
    {
        var objects = Prod;
        var publicUrl = new Uri(Config(objects, "common-config")["Auth__PublicUrl"]);

        var ingress = Assert.Single(objects.OfType<V1Ingress>());
        var tls = Assert.Single(ingress.Spec.Tls);
        Assert.Equal("https", publicUrl.Scheme);
        Assert.Equal([publicUrl.Host], tls.Hosts);
        Assert.Equal("gateway-tls", tls.SecretName);
        Assert.Equal(publicUrl.Host, Assert.Single(ingress.Spec.Rules).Host);
    }

    [Fact]
    public void An_ingress_without_tls_in_front_of_https_clients_is_reported()
    {
        var problems = ProblemsWith("prod", ("kind=Ingress,name=gateway", """
            - op: remove
              path: /spec/tls
            """));

        Assert.Equal(["Ingress gateway: clients use https://tripmate.example.com, but host tripmate.example.com has no TLS certificate (spec.tls)"], problems);
    }

    [Fact]
    public void Every_pod_sleeps_before_stopping_longer_than_the_gateway_refreshes_dns_and_a_missing_sleep_is_reported()
    {
        var objects = Prod;
        var refresh = TimeSpan.Parse(Config(objects, "gateway-config")["Gateway__DnsResolver__RefreshPeriod"]);
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var sleep = deployment.Spec.Template.Spec.Containers[0].Lifecycle.PreStop.Sleep.Seconds;
            Assert.True(sleep > refresh.TotalSeconds, $"{deployment.Metadata.Name}: {sleep} s");
            Assert.True(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds > sleep + 10, deployment.Metadata.Name);
        }

        var problems = ProblemsWith("dev", ("kind=Deployment,name=messaging", """
            - op: remove
              path: /spec/template/spec/containers/0/lifecycle
            """));

        Assert.Equal(["Deployment messaging container messaging: no preStop sleep longer than the gateway's DNS refresh (5 s)"], problems);
    }

    [Fact]
    public void Prod_trusts_forwarded_headers_from_one_narrow_range_and_a_whole_network_is_reported()
    {
        var proxies = Config(Prod, "gateway-config").Where(e => e.Key.StartsWith("ForwardedHeaders__TrustedProxies__", StringComparison.Ordinal)).ToList();

        var proxy = Assert.Single(proxies);
        Assert.True(ManifestChecks.IsNarrow(proxy.Value), proxy.Value);
        Assert.False(ManifestChecks.IsNarrow("10.0.0.0/8"));
        Assert.False(ManifestChecks.IsNarrow("0.0.0.0/0"));
        Assert.False(ManifestChecks.IsNarrow("fd00::/8"));

        var problems = ProblemsWith("prod", ("kind=ConfigMap,name=gateway-config", """
            - op: replace
              path: /data/ForwardedHeaders__TrustedProxies__0
              value: 10.0.0.0/8
            """));

        var problem = Assert.Single(problems);
        Assert.Contains("ForwardedHeaders__TrustedProxies__0 = 10.0.0.0/8 is wider than one ingress controller's range", problem);
    }

    [Fact]
    public void Health_details_are_on_a_port_no_service_or_network_policy_leads_to_and_opening_it_is_reported()
    {
        var objects = Prod;
        var common = Config(objects, "common-config");
        Assert.Equal("8081", common["Health__OperatorPort"]);
        Assert.Contains("8081", common["ASPNETCORE_HTTP_PORTS"].Split(';'));

        var problems = ProblemsWith("dev", ("kind=Service,name=identity", """
            - op: add
              path: /spec/ports/-
              value: {name: operator, port: 8081, targetPort: operator}
            """), ("kind=NetworkPolicy,name=allow-files", """
            - op: add
              path: /spec/ingress/0/ports/-
              value: {protocol: TCP, port: 8081}
            """));

        Assert.Equal(["NetworkPolicy allow-files: admits the operator port 8081 (name the ports it allows)", "Service identity: leads to the operator port 8081"], problems.Order());
    }

    [Fact]
    public void Identity_reaches_postgres_as_its_own_role_never_as_the_superuser()
    {
        var script = Repo.Read("deploy/k8s/overlays/dev/stores/postgres-init/init-identity-role.sh");
        Assert.Contains("CREATE ROLE identity LOGIN", script);
        foreach (var denied in new[] { "NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS" })
        {
            Assert.Contains(denied, script);
        }

        Assert.Contains("CREATE DATABASE identity OWNER identity", script);

        // k8s dev: the store runs the script; identity's Secret names the role.
        var postgres = KustomizeRenderer.Load(KustomizeRenderer.RenderOverlay("dev")).OfType<V1StatefulSet>().Single(s => s.Metadata.Name == "postgres");
        Assert.Contains(postgres.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.MountPath == "/docker-entrypoint-initdb.d");
        var secrets = Repo.Read("deploy/k8s/create-secrets.sh");
        Assert.Contains("ConnectionStrings__Identity=\"Host=postgres;Database=identity;Username=identity;", secrets);
        Assert.DoesNotContain("Username=postgres", secrets);

        // compose: the same script, the same role.
        var compose = Repo.Read("deploy/compose/docker-compose.yml");
        Assert.Contains("Username=identity;Password=${IDENTITY_DB_PASSWORD}", compose);
        Assert.Contains("postgres-init/init-identity-role.sh:/docker-entrypoint-initdb.d/init-identity-role.sh:ro", compose);
        Assert.DoesNotContain("Username=postgres", compose);
    }

    private static IDictionary<string, string> Config(IList<object> objects, string prefix) =>
        objects.OfType<V1ConfigMap>().Single(m => m.Metadata.Name.StartsWith(prefix + "-", StringComparison.Ordinal)).Data;
}
