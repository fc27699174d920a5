using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Creates the planned groups (each by its owner) and adds their members. A group not in the
/// journal is first looked for among the owner's groups by its name, so an interruption between
/// the create and the journal's save does not make it twice.
/// </summary>
public static class GroupSeeding
{
    public static async Task RunAsync(SeedContext seed, SeedProgress.Step groups, SeedProgress.Step members, CancellationToken cancellationToken)
    {
        groups.Advance(seed.Journal.Groups.Count);
        members.Advance(seed.Journal.MembersAdded.Values.Sum());
        await seed.ForEachAsync(seed.Plan.Groups, async (group, ct) =>
        {
            var (_, token) = await seed.TokenOfAsync(group.Owner);
            if (!seed.Journal.Groups.ContainsKey(group.Index))
            {
                seed.Journal.Groups[group.Index] = await FindAsync(seed, token, group.Name, ct) ?? await CreateAsync(seed, token, group, ct);
                groups.Advance();
            }

            var id = seed.Journal.Groups[group.Index];
            for (var m = seed.Journal.MembersAdded.GetValueOrDefault(group.Index); m < group.Members.Count; m++)
            {
                var outcome = await seed.Gateway.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Post, $"/api/groups/{id}/members", token,
                    new { userId = seed.IdOf(group.Members[m]) }), ct, HttpStatusCode.Created, HttpStatusCode.Conflict);
                RateLimited.ThrowIf(outcome.Status);
                if (!outcome.Ok)
                {
                    throw new InvalidOperationException($"Adding a member to group {id} answered {outcome.Status}.");
                }

                seed.Journal.MembersAdded[group.Index] = m + 1;
                members.Advance();
            }
        }, cancellationToken);
        groups.Finish();
        members.Finish();
    }

    private static async Task<Guid?> FindAsync(SeedContext seed, string token, string name, CancellationToken ct) =>
        (await Pages.FindAsync<GroupDto>(seed.Gateway, "/api/groups?member=me", token, g => g.Name == name, ct))?.Id;

    private static async Task<Guid> CreateAsync(SeedContext seed, string token, PlannedGroup group, CancellationToken ct)
    {
        var (outcome, created) = await seed.Gateway.SendForJsonAsync<IdDto>(LoadHttp.Request(HttpMethod.Post, "/api/groups", token,
            new { name = group.Name, description = group.Description }), ct);
        RateLimited.ThrowIf(outcome.Status);
        return created?.Id ?? throw new InvalidOperationException($"Creating group '{group.Name}' answered {outcome.Status}.");
    }
}
