using Tripmate.Load.Engine;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// EXTENSION POINT for the services still to come. When social-graph (issue 11) lands, add to
/// <see cref="MixedOperations"/> its reads (friends ~5, suggestions ~3, path ~2, weight per 100)
/// built like <see cref="SocialRequests"/>'s, and a "graph" scenario in <see cref="ScenarioCatalog"/>;
/// the seeder's follows (<see cref="Seeding.SeedPlan.Follows"/>) give it a power-law graph to walk.
/// When files (issue 12) lands: small uploads ~2 and downloads ~3 with sizes from
/// <see cref="Seeding.SeedPlan.Files"/>, and a "files" scenario.
/// </summary>
public static class PendingServices
{
    public static IEnumerable<Operation> MixedOperations() => [];

    public static Exception NotYet(string service, int issue) =>
        new NotSupportedException($"The {service} service does not exist yet (issue {issue}); its scenario is an extension point (Scenarios/PendingServices.cs).");
}
