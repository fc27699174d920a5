using System.Text.RegularExpressions;
using k8s.Models;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>
/// What every rendered variant must satisfy (issue 14's list). Each check adds a sentence naming
/// the object to <see cref="Problems"/>; a test asserts there are none, and the broken-manifest
/// test asserts the sentence it expects is there.
/// </summary>
public sealed partial class ManifestChecks
{
    private readonly IList<object> _objects;
    private readonly List<string> _problems = [];

    private ManifestChecks(IList<object> objects) => _objects = objects;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The paths the services really serve (shared/ServiceDefaults/Health/HealthEndpoints.cs).</summary>
    public static IReadOnlySet<string> HealthPaths { get; } =
        HealthPathPattern().Matches(Repo.Read("shared/ServiceDefaults/Health/HealthEndpoints.cs")).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The Secrets deploy/k8s/create-secrets.sh creates: the only names a manifest may reference.</summary>
    public static IReadOnlySet<string> DocumentedSecrets { get; } =
        SecretNamePattern().Matches(Repo.Read("deploy/k8s/create-secrets.sh")).Select(m => m.Groups[1].Value).ToHashSet();

    public static ManifestChecks Run(IList<object> objects)
    {
        var checks = new ManifestChecks(objects);
        checks.CheckDeployments();
        checks.CheckImages();
        checks.CheckSecrets();
        checks.CheckIngress();
        checks.CheckIngressTls();
        checks.CheckDrain();
        checks.CheckTrustedProxies();
        checks.CheckOperatorPort();
        return checks;
    }

    private IEnumerable<T> All<T>() => _objects.OfType<T>();

    private void Problem(string text) => _problems.Add(text);

    private void CheckDeployments()
    {
        var deployments = All<V1Deployment>().ToList();
        if (deployments.Count == 0)
        {
            Problem("no Deployment rendered");
        }

        foreach (var deployment in deployments)
        {
            var name = $"Deployment {deployment.Metadata.Name}";
            var pod = deployment.Spec.Template;
            var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
            if (!Selectors.Matches(deployment.Spec.Selector, labels))
            {
                Problem($"{name}: its selector does not match its pod labels");
            }

            CheckPodSecurity(name, pod.Spec);
            CheckSpread(name, pod.Spec, labels);
            foreach (var container in pod.Spec.Containers)
            {
                CheckProbes($"{name} container {container.Name}", container);
                CheckResources($"{name} container {container.Name}", container.Resources);
                CheckContainerSecurity($"{name} container {container.Name}", container.SecurityContext);
            }

            CheckCompanions(deployment, labels);
        }
    }

    private void CheckProbes(string name, V1Container container)
    {
        var ports = (container.Ports ?? []).ToDictionary(p => p.Name ?? p.ContainerPort.ToString(), p => p.ContainerPort);
        foreach (var (kind, probe) in new[] { ("startup", container.StartupProbe), ("readiness", container.ReadinessProbe), ("liveness", container.LivenessProbe) })
        {
            if (probe?.HttpGet is not { } get)
            {
                Problem($"{name}: no {kind} probe over HTTP");
                continue;
            }

            if (!HealthPaths.Contains(get.Path))
            {
                Problem($"{name}: {kind} probe asks {get.Path}, not a health endpoint ({string.Join(", ", HealthPaths)})");
            }

            var port = get.Port.Value;
            if (!ports.ContainsKey(port) && !ports.Values.Any(p => p.ToString() == port))
            {
                Problem($"{name}: {kind} probe's port {port} is not a container port");
            }
        }

        // Readiness decides traffic (stores down: out of the Service); liveness only "the process answers".
        if (container.ReadinessProbe?.HttpGet?.Path is { } ready && ready != "/health/ready")
        {
            Problem($"{name}: readiness probe should ask /health/ready, not {ready}");
        }

        if (container.LivenessProbe?.HttpGet?.Path is { } live && live != "/health/live")
        {
            Problem($"{name}: liveness probe should ask /health/live, not {live} (a store outage must not restart it)");
        }
    }

    private void CheckResources(string name, V1ResourceRequirements? resources)
    {
        foreach (var (kind, values) in new[] { ("requests", resources?.Requests), ("limits", resources?.Limits) })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (values is null || !values.ContainsKey(resource))
                {
                    Problem($"{name}: no {resource} in resource {kind}");
                }
            }
        }
    }

    private void CheckPodSecurity(string name, V1PodSpec spec)
    {
        if (spec.SecurityContext?.RunAsNonRoot != true)
        {
            Problem($"{name}: pod securityContext.runAsNonRoot is not true");
        }

        if (spec.SecurityContext?.RunAsUser is 0)
        {
            Problem($"{name}: pod runs as user 0");
        }

        if (spec.SecurityContext?.SeccompProfile?.Type != "RuntimeDefault")
        {
            Problem($"{name}: pod seccompProfile is not RuntimeDefault");
        }

        if (spec.AutomountServiceAccountToken != false)
        {
            Problem($"{name}: the service account token is mounted (the pods never call the API)");
        }

        if (spec.ServiceAccountName is not { } account || !All<V1ServiceAccount>().Any(a => a.Metadata.Name == account))
        {
            Problem($"{name}: no ServiceAccount of its own rendered ({spec.ServiceAccountName ?? "none named"})");
        }
    }

    private void CheckContainerSecurity(string name, V1SecurityContext? context)
    {
        if (context?.AllowPrivilegeEscalation != false)
        {
            Problem($"{name}: allowPrivilegeEscalation is not false");
        }

        if (context?.ReadOnlyRootFilesystem != true)
        {
            Problem($"{name}: readOnlyRootFilesystem is not true");
        }

        if (context?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            Problem($"{name}: capabilities do not drop ALL");
        }

        if (context?.Privileged == true)
        {
            Problem($"{name}: privileged");
        }
    }

    private void CheckSpread(string name, V1PodSpec spec, IDictionary<string, string> labels)
    {
        var spread = spec.TopologySpreadConstraints ?? [];
        if (!spread.Any(c => c.TopologyKey == "kubernetes.io/hostname" && Selectors.Matches(c.LabelSelector, labels)))
        {
            Problem($"{name}: no topology spread across nodes (kubernetes.io/hostname) selecting its own pods");
        }
    }

    /// <summary>The Service, HorizontalPodAutoscaler and PodDisruptionBudget that go with a Deployment.</summary>
    private void CheckCompanions(V1Deployment deployment, IDictionary<string, string> labels)
    {
        var name = deployment.Metadata.Name;
        var container = deployment.Spec.Template.Spec.Containers[0];
        var portNames = (container.Ports ?? []).Select(p => p.Name).ToHashSet();
        var services = All<V1Service>().Where(s => s.Spec.Selector is { Count: > 0 } selector && selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        if (services.Count == 0)
        {
            Problem($"Deployment {name}: no Service selects its pods");
        }

        foreach (var service in services)
        {
            foreach (var port in service.Spec.Ports)
            {
                if (port.TargetPort?.Value is { } target && !portNames.Contains(target) && !(container.Ports ?? []).Any(p => p.ContainerPort.ToString() == target))
                {
                    Problem($"Service {service.Metadata.Name}: targetPort {target} is no port of Deployment {name}");
                }
            }

            // The gateway balances per request only if it sees each pod (a headless Service).
            if (name != "gateway" && service.Spec.ClusterIP != "None")
            {
                Problem($"Service {service.Metadata.Name}: not headless, so the gateway would see one address, not every replica");
            }
        }

        var hpas = All<V2HorizontalPodAutoscaler>().Where(h => h.Spec.ScaleTargetRef is { Kind: "Deployment" } target && target.Name == name).ToList();
        if (hpas.Count != 1)
        {
            Problem($"Deployment {name}: {hpas.Count} HorizontalPodAutoscalers target it, not 1");
        }
        else if (hpas[0].Spec.MinReplicas is not { } min || min < 1 || min > hpas[0].Spec.MaxReplicas)
        {
            Problem($"HorizontalPodAutoscaler {hpas[0].Metadata.Name}: minReplicas {hpas[0].Spec.MinReplicas} is not between 1 and maxReplicas");
        }

        var pdbs = All<V1PodDisruptionBudget>().Where(p => Selectors.Matches(p.Spec.Selector, labels)).ToList();
        if (pdbs.Count != 1)
        {
            Problem($"Deployment {name}: {pdbs.Count} PodDisruptionBudgets select its pods, not 1");
        }
    }

    /// <summary>Every image of every workload has a version tag or digest, never latest.</summary>
    private void CheckImages()
    {
        var pods = All<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template.Spec))
            .Concat(All<V1StatefulSet>().Select(s => ($"StatefulSet {s.Metadata.Name}", s.Spec.Template.Spec)))
            .Concat(All<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template.Spec)));
        foreach (var (name, spec) in pods)
        {
            foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
            {
                if (!ImagePinning.IsPinned(container.Image))
                {
                    Problem($"{name}: image {container.Image} has no pinned version (a tag other than latest, or a digest)");
                }
            }
        }
    }

    /// <summary>No Secret is rendered with a value, and settings that look secret come from a Secret.</summary>
    private void CheckSecrets()
    {
        foreach (var secret in All<V1Secret>())
        {
            Problem($"Secret {secret.Metadata.Name}: rendered with literal values; Secrets are created outside the manifests (create-secrets.sh)");
        }

        foreach (var map in All<V1ConfigMap>())
        {
            foreach (var key in (map.Data ?? new Dictionary<string, string>()).Keys.Where(LooksSecret))
            {
                Problem($"ConfigMap {map.Metadata.Name}: {key} looks like a secret");
            }
        }

        var pods = All<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template.Spec))
            .Concat(All<V1StatefulSet>().Select(s => ($"StatefulSet {s.Metadata.Name}", s.Spec.Template.Spec)))
            .Concat(All<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template.Spec)));
        foreach (var (name, spec) in pods)
        {
            var referenced = new List<string>();
            foreach (var container in spec.Containers)
            {
                foreach (var env in container.Env ?? [])
                {
                    // A value built from other variables ($(VAR)) holds no secret itself.
                    if (LooksSecret(env.Name) && env.Value is { Length: > 0 } value && !value.Contains("$("))
                    {
                        Problem($"{name}: {env.Name} has a literal value");
                    }

                    if (env.ValueFrom?.SecretKeyRef?.Name is { } secretName)
                    {
                        referenced.Add(secretName);
                    }
                }

                referenced.AddRange((container.EnvFrom ?? []).Where(e => e.SecretRef is not null).Select(e => e.SecretRef.Name));
            }

            referenced.AddRange((spec.Volumes ?? []).Where(v => v.Secret is not null).Select(v => v.Secret.SecretName));
            foreach (var secretName in referenced.Where(s => !DocumentedSecrets.Contains(s)))
            {
                Problem($"{name}: references Secret {secretName}, which create-secrets.sh does not create");
            }
        }
    }

    private void CheckIngress()
    {
        var backends = All<V1Ingress>().SelectMany(i => i.Spec.Rules ?? []).SelectMany(r => r.Http?.Paths ?? [])
            .Select(p => p.Backend.Service?.Name).ToList();
        if (backends.Count == 0 || backends.Any(b => b != "gateway"))
        {
            Problem($"Ingress: must lead to the gateway only, leads to [{string.Join(", ", backends)}]");
        }
    }

    /// <summary>A setting that names a secret's value; one naming where a secret is mounted (a file or a folder) holds none.</summary>
    private static bool LooksSecret(string key) =>
        SecretKeyPattern().IsMatch(key) && !key.EndsWith("Path", StringComparison.Ordinal) && !key.EndsWith("Directory", StringComparison.Ordinal);

    [GeneratedRegex("MapHealthChecks\\(\"([^\"]+)\"")]
    private static partial Regex HealthPathPattern();

    [GeneratedRegex(@"^\s*(?:exists \S+ \|\| )?create ([a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("password|secret|accesskey|token|signingkey|apikey|_auth$|ConnectionStrings", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyPattern();
}
