using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Paging;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>Whom and which groups the caller might like, from their follows and their friends' groups.</summary>
public static class SuggestionEndpoints
{
    public static RouteGroupBuilder MapSuggestionEndpoints(this RouteGroupBuilder relationships)
    {
        // Not cached: any follow two hops away changes them, and no tag names that neighbourhood.
        relationships.MapGet("/suggestions", PeopleAsync).WithName("SuggestPeople")
            .WithSummary("People followed by people the caller follows, by mutual connections, then shared groups, then id.")
            .NoStore();
        relationships.MapGet("/suggestions/groups", GroupsAsync).WithName("SuggestGroups")
            .WithSummary("Groups the caller's friends are in and the caller is not, by how many friends are in each.")
            .NoStore();
        return relationships;
    }

    private static async Task<Ok<Page<SuggestionResponse>>> PeopleAsync(
        [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        var scope = callerId.ToString();
        var slice = await graph.SuggestionsAsync(callerId, page.After<SuggestionPosition>(scope), page.Size, ct);
        return TypedResults.Ok(Page.From(slice, SuggestionResponse.From, scope));
    }

    private static async Task<Ok<Page<GroupSuggestionResponse>>> GroupsAsync(
        [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        var scope = callerId.ToString();
        var slice = await graph.GroupSuggestionsAsync(callerId, page.After<GroupSuggestionPosition>(scope), page.Size, ct);
        return TypedResults.Ok(Page.From(slice, GroupSuggestionResponse.From, scope));
    }
}
