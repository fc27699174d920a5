using System.Net;
using k8s.Models;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>
/// Issue 24's deploy checks, run on every variant with the others (<see cref="ManifestChecks"/>):
/// TLS at the Ingress when clients use https, a drain longer than the gateway's DNS refresh, trusted
/// proxies no wider than one controller's range, and the operator port reached by nothing.
/// </summary>
public sealed partial class ManifestChecks
{
    /// <summary>The widest trusted-proxy range accepted: one ingress controller's pods, not a whole network.</summary>
    public const int NarrowestIPv4Prefix = 24;
    public const int NarrowestIPv6Prefix = 64;

    private string? Setting(string configMapPrefix, string key) =>
        All<V1ConfigMap>().Where(m => m.Metadata.Name.StartsWith(configMapPrefix + "-", StringComparison.Ordinal) || m.Metadata.Name == configMapPrefix)
            .Select(m => m.Data is { } data && data.TryGetValue(key, out var value) ? value : null).FirstOrDefault(v => v is not null);

    private void CheckIngressTls()
    {
        if (Setting("common-config", "Auth__PublicUrl") is not { } publicUrl || !publicUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var ingress in All<V1Ingress>())
        {
            var covered = (ingress.Spec.Tls ?? []).Where(t => t.SecretName is { Length: > 0 }).SelectMany(t => t.Hosts ?? []).ToHashSet();
            foreach (var host in (ingress.Spec.Rules ?? []).Select(r => r.Host))
            {
                if (!covered.Contains(host))
                {
                    Problem($"Ingress {ingress.Metadata.Name}: clients use {publicUrl}, but host {host} has no TLS certificate (spec.tls)");
                }
            }
        }
    }

    /// <summary>
    /// A pod taken out of a rollout keeps serving until the gateway's DNS refresh has dropped it,
    /// then drains: its preStop sleep outlasts the refresh, and its grace period the sleep.
    /// </summary>
    private void CheckDrain()
    {
        var refresh = TimeSpan.TryParse(Setting("gateway-config", "Gateway__DnsResolver__RefreshPeriod"), out var period) ? period : TimeSpan.FromSeconds(5);
        foreach (var deployment in All<V1Deployment>())
        {
            var spec = deployment.Spec.Template.Spec;
            foreach (var container in spec.Containers)
            {
                var sleep = container.Lifecycle?.PreStop?.Sleep?.Seconds;
                if (sleep is null || sleep <= refresh.TotalSeconds)
                {
                    Problem($"Deployment {deployment.Metadata.Name} container {container.Name}: no preStop sleep longer than the gateway's DNS refresh ({refresh.TotalSeconds:0} s)");
                }
                else if ((spec.TerminationGracePeriodSeconds ?? 30) <= sleep)
                {
                    Problem($"Deployment {deployment.Metadata.Name}: terminationGracePeriodSeconds {spec.TerminationGracePeriodSeconds} leaves no time to drain after the {sleep} s preStop sleep");
                }
            }
        }
    }

    private void CheckTrustedProxies()
    {
        foreach (var map in All<V1ConfigMap>())
        {
            foreach (var (key, value) in (map.Data ?? new Dictionary<string, string>()).Where(e => e.Key.StartsWith("ForwardedHeaders__TrustedProxies__", StringComparison.Ordinal)))
            {
                if (!IsNarrow(value))
                {
                    Problem($"ConfigMap {map.Metadata.Name}: {key} = {value} is wider than one ingress controller's range (IPv4 /{NarrowestIPv4Prefix}, IPv6 /{NarrowestIPv6Prefix})");
                }
            }
        }
    }

    public static bool IsNarrow(string proxy)
    {
        var parts = proxy.Split('/');
        if (!IPAddress.TryParse(parts[0], out var address))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return true;
        }

        return int.TryParse(parts[1], out var prefix)
            && prefix >= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? NarrowestIPv6Prefix : NarrowestIPv4Prefix);
    }

    /// <summary>Health details are answered on the operator port alone: every process listens there, no Service leads to it.</summary>
    private void CheckOperatorPort()
    {
        if (Setting("common-config", "Health__OperatorPort") is not { } text || !int.TryParse(text, out var port))
        {
            Problem("ConfigMap common-config: no Health__OperatorPort (health details would go to nobody, or to everyone)");
            return;
        }

        if (Setting("common-config", "ASPNETCORE_HTTP_PORTS") is not { } listening || !listening.Split(';').Contains(text))
        {
            Problem($"ConfigMap common-config: ASPNETCORE_HTTP_PORTS does not include the operator port {port}");
        }

        foreach (var service in All<V1Service>())
        {
            foreach (var servicePort in service.Spec.Ports ?? [])
            {
                if (servicePort.TargetPort?.Value is { } target && (target == text || target == "operator"))
                {
                    Problem($"Service {service.Metadata.Name}: leads to the operator port {port}");
                }
            }
        }

        foreach (var policy in All<V1NetworkPolicy>())
        {
            foreach (var rule in policy.Spec.Ingress ?? [])
            {
                if (rule.Ports is null or { Count: 0 } || rule.Ports.Any(p => p.Port?.Value == text || p.Port?.Value == "operator"))
                {
                    Problem($"NetworkPolicy {policy.Metadata.Name}: admits the operator port {port} (name the ports it allows)");
                }
            }
        }
    }
}
