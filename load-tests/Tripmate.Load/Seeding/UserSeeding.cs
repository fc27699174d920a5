using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>Registers the planned users through the gateway; an e-mail already taken (an earlier run) is signed in for its id.</summary>
public static class UserSeeding
{
    public static async Task RunAsync(SeedContext seed, SeedProgress.Step step, CancellationToken cancellationToken)
    {
        step.Advance(seed.Journal.Users.Count);
        var missing = seed.Plan.Users.Where(u => !seed.Journal.Users.ContainsKey(u.Index));
        await seed.ForEachAsync(missing, async (user, ct) =>
        {
            var (outcome, account) = await seed.Gateway.SendForJsonAsync<AccountDto>(LoadHttp.Request(HttpMethod.Post, "/api/auth/register",
                json: new { email = user.Email, password = SeedPlan.Password, displayName = user.DisplayName }), ct);
            RateLimited.ThrowIf(outcome.Status);
            var id = outcome.Status switch
            {
                (int)HttpStatusCode.Created => account!.Id,
                (int)HttpStatusCode.Conflict => (await seed.TokenOfAsync(user.Index)).Id,
                _ => throw new InvalidOperationException($"Registering {user.Email} answered {outcome.Status}."),
            };
            seed.Journal.Users[user.Index] = id;
            step.Advance();
        }, cancellationToken);
        step.Finish();
    }
}
