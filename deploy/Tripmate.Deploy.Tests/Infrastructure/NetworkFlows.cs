using System.Text.RegularExpressions;
using k8s.Models;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>A connection that may be opened: from a workload (or "outside" the namespace) to a workload.</summary>
public sealed record Flow(string From, string To)
{
    public override string ToString() => $"{From} -> {To}";
}

/// <summary>
/// Which connections the rendered NetworkPolicies admit, by the Kubernetes rules: a pod selected
/// by no ingress policy accepts everything; once selected, only what some rule's peers match.
/// Workloads are the rendered pod templates, named by app.kubernetes.io/name.
/// </summary>
public static partial class NetworkFlows
{
    public const string Outside = "outside";
    private const string NameLabel = "app.kubernetes.io/name";

    public static IReadOnlyDictionary<string, IDictionary<string, string>> Workloads(IList<object> objects) =>
        objects.OfType<V1Deployment>().Select(d => d.Spec.Template.Metadata.Labels)
            .Concat(objects.OfType<V1StatefulSet>().Select(s => s.Spec.Template.Metadata.Labels))
            .Concat(objects.OfType<V1Job>().Select(j => j.Spec.Template.Metadata.Labels))
            .ToDictionary(labels => labels[NameLabel], labels => labels);

    public static ISet<Flow> Admitted(IList<object> objects)
    {
        var workloads = Workloads(objects);
        var policies = objects.OfType<V1NetworkPolicy>().Where(p => p.Spec.PolicyTypes?.Contains("Ingress") ?? p.Spec.Ingress is not null).ToList();
        var sources = workloads.Keys.Append(Outside).ToList();
        var admitted = new HashSet<Flow>();
        foreach (var (target, targetLabels) in workloads)
        {
            var selecting = policies.Where(p => Selectors.Matches(p.Spec.PodSelector, targetLabels)).ToList();
            foreach (var source in sources.Where(s => s != target))
            {
                var sourceLabels = source == Outside ? null : workloads[source];
                if (selecting.Count == 0 || selecting.Any(p => (p.Spec.Ingress ?? []).Any(rule => RuleAdmits(rule, sourceLabels))))
                {
                    admitted.Add(new Flow(source, target));
                }
            }
        }

        return admitted;
    }

    /// <summary>A rule with no peers admits anyone; a peer is a pod selector (this namespace), a namespace selector or an address block.</summary>
    private static bool RuleAdmits(V1NetworkPolicyIngressRule rule, IDictionary<string, string>? source)
    {
        if (rule.FromProperty is null || rule.FromProperty.Count == 0)
        {
            return true;
        }

        return rule.FromProperty.Any(peer =>
        {
            if (peer.IpBlock is not null)
            {
                return source is null;
            }

            if (peer.NamespaceSelector is { } namespaces)
            {
                // {} is every namespace, this one included; a selector naming another namespace is outside.
                var everyNamespace = Selectors.IsEmpty(namespaces);
                if (source is null)
                {
                    return true;
                }

                return everyNamespace && (peer.PodSelector is null || Selectors.Matches(peer.PodSelector, source));
            }

            return source is not null && Selectors.Matches(peer.PodSelector, source);
        });
    }

    /// <summary>
    /// The flows README.md names, from its table between the network-flows markers
    /// ("| to | from, from |"), limited to the workloads a variant renders.
    /// </summary>
    public static ISet<Flow> Documented(IEnumerable<string> workloads)
    {
        var present = workloads.ToHashSet();
        var readme = Repo.Read("README.md");
        var table = FlowTable().Match(readme);
        Assert.True(table.Success, "README.md has no table between <!-- network-flows --> and <!-- /network-flows -->");
        var flows = new HashSet<Flow>();
        foreach (var line in table.Groups[1].Value.Split('\n').Where(l => l.TrimStart().StartsWith('|')))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();
            if (cells.Length < 2 || cells[0].StartsWith('-') || cells[0] == "to")
            {
                continue;
            }

            var to = cells[0].Trim('`');
            foreach (var from in cells[1].Split(',', StringSplitOptions.TrimEntries).Select(f => f.Trim('`')))
            {
                var source = from.StartsWith(Outside, StringComparison.Ordinal) ? Outside : from;
                if (present.Contains(to) && (source == Outside || present.Contains(source)))
                {
                    flows.Add(new Flow(source, to));
                }
            }
        }

        return flows;
    }

    [GeneratedRegex("<!-- network-flows -->(.*?)<!-- /network-flows -->", RegexOptions.Singleline)]
    private static partial Regex FlowTable();
}
