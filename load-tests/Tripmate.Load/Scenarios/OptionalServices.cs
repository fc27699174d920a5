using Tripmate.Load.Engine;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// The requests of the services a deployment may run without (social-graph, files): in the mix only
/// where the gateway reaches them (<see cref="ScenarioFeed.Services"/>), so one mix measures
/// `./dev up`, the compose stack and the tests' smaller stacks alike.
/// </summary>
public static class OptionalServices
{
    public static IEnumerable<Operation> MixedOperations(SocialRequests r)
    {
        if (r.Feed.Services.SocialGraph)
        {
            yield return r.Friends(5);
            yield return r.Suggestions(3);
            yield return r.Path(2);
        }

        if (r.Feed.Services.Files)
        {
            yield return r.Upload(2);
            yield return r.Download(3);
        }
    }

    public static Workload Require(bool deployed, string service, Workload workload) => deployed
        ? workload
        : throw new NotSupportedException($"The gateway does not reach the {service} service (it answers 503): start it, then run this scenario.");
}
