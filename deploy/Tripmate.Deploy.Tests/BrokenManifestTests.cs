using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>
/// The checks can fail: the dev overlay, rendered by the real kubectl with deliberately broken
/// patches added, must be reported for exactly what was broken.
/// </summary>
public sealed class BrokenManifestTests
{
    private static IReadOnlyList<string> ProblemsWith(params (string Target, string Patch)[] patches) =>
        ManifestChecks.Run(KustomizeRenderer.Load(KustomizeRenderer.Render(new Variant("dev", ["network-policies"]), patches))).Problems;

    [Fact]
    public void A_missing_readiness_probe_and_a_latest_image_are_reported()
    {
        var problems = ProblemsWith(("kind=Deployment,name=messaging", """
            - op: remove
              path: /spec/template/spec/containers/0/readinessProbe
            # Another name: the overlay's images list would re-tag tripmate/messaging.
            - op: replace
              path: /spec/template/spec/containers/0/image
              value: example.org/tripmate-messaging:latest
            """));

        Assert.Contains("Deployment messaging container messaging: no readiness probe over HTTP", problems);
        Assert.Contains(problems, p => p.StartsWith("Deployment messaging: image example.org/tripmate-messaging:latest has no pinned version"));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_writable_root_filesystem_and_a_probe_on_a_made_up_path_are_reported()
    {
        var problems = ProblemsWith(("kind=Deployment,name=identity", """
            - op: replace
              path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem
              value: false
            - op: replace
              path: /spec/template/spec/containers/0/livenessProbe/httpGet/path
              value: /healthz
            """));

        Assert.Contains("Deployment identity container identity: readOnlyRootFilesystem is not true", problems);
        Assert.Contains(problems, p => p.StartsWith("Deployment identity container identity: liveness probe asks /healthz, not a health endpoint"));
    }

    [Fact]
    public void A_pdb_that_selects_nothing_and_a_literal_password_are_reported()
    {
        var problems = ProblemsWith(
            ("kind=PodDisruptionBudget,name=files", """
            - op: replace
              path: /spec/selector/matchLabels/app.kubernetes.io~1name
              value: file
            """),
            ("kind=StatefulSet,name=postgres", """
            - op: replace
              path: /spec/template/spec/containers/0/env/0
              value: {name: POSTGRES_PASSWORD, value: hunter2}
            """));

        Assert.Contains("Deployment files: 0 PodDisruptionBudgets select its pods, not 1", problems);
        Assert.Contains("StatefulSet postgres: POSTGRES_PASSWORD has a literal value", problems);
    }

    [Fact]
    public void A_store_opened_to_another_service_is_an_undocumented_flow()
    {
        var objects = KustomizeRenderer.Load(KustomizeRenderer.Render(new Variant("dev", ["network-policies"]),
            ("kind=NetworkPolicy,name=allow-postgres", """
            - op: add
              path: /spec/ingress/0/from/-
              value: {podSelector: {matchLabels: {app.kubernetes.io/name: messaging}}}
            """)));

        var admitted = NetworkFlows.Admitted(objects);
        var documented = NetworkFlows.Documented(NetworkFlows.Workloads(objects).Keys);

        Assert.Equal([new Flow("messaging", "postgres")], admitted.Except(documented));
    }
}
