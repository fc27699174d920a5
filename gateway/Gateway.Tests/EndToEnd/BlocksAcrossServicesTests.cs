using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tripmate.Gateway.Tests.Caching;
using Tripmate.Gateway.Tests.Docs;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>A block holds in every service, through the gateway: no follow, suggestion, path, conversation or message across it.</summary>
[Collection(AllServicesStackCollection.Name)]
public sealed class BlocksAcrossServicesTests(AllServicesStack stack)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_block_there_is_no_follow_suggestion_path_direct_conversation_or_message_between_the_two()
    {
        var (ada, bob, carol) = (await stack.NewUserAsync(), await stack.NewUserAsync(), await stack.NewUserAsync());
        // Users reach social-graph through identity's UserRegistered: wait until both can be followed.
        await FollowWhenKnownAsync(ada, carol);
        await FollowWhenKnownAsync(carol, bob);
        Assert.Contains(bob.Id, await SuggestedAsync(ada));
        Assert.Equal([ada.Id, carol.Id, bob.Id], (await ada.Client.GetFromJsonAsync<PathDto>($"/api/relationships/path/{ada.Id}/{bob.Id}"))!.UserIds);
        var conversationId = await OpenDirectWhenKnownAsync(ada, bob);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(ada, conversationId)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.PutAsync($"/api/relationships/blocks/{ada.Id}", null)).StatusCode);

        await (await ada.Client.PutAsync($"/api/relationships/following/{bob.Id}", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await bob.Client.PutAsync($"/api/relationships/following/{ada.Id}", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(bob.Id, await SuggestedAsync(ada));
        await (await ada.Client.GetAsync($"/api/relationships/path/{ada.Id}/{bob.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ada.Client.GetAsync($"/api/relationships/{bob.Id}/followers")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Messaging learns of the block from social-graph's UserBlocked, through its outbox and the broker.
        await Eventually.WaitForAsync(async () => (await SendAsync(ada, conversationId)).StatusCode,
            status => status == HttpStatusCode.Forbidden, EventTimeout, "messaging to refuse sends across the block");
        await (await SendAsync(bob, conversationId)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ada.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = bob.Id })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await bob.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = ada.Id })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_follow_through_the_gateway_notifies_the_followed_person_in_messaging()
    {
        var (ada, bob) = (await stack.NewUserAsync(), await stack.NewUserAsync());

        await FollowWhenKnownAsync(ada, bob);

        await Eventually.WaitForAsync(
            async () => (await bob.Client.GetFromJsonAsync<PageDto<NotificationDto>>("/api/notifications?limit=100"))!.Items,
            items => items.Any(n => n.Type == "user-followed" && n.Data["followerId"] == ada.Id.ToString()), EventTimeout, "the follow notification");
    }

    [Fact]
    public async Task The_social_graph_document_is_served_through_the_gateway_listed_on_docs_and_passes_redocly_lint()
    {
        var response = await stack.Anonymous().GetAsync("/openapi/social-graph.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        using (var parsed = JsonDocument.Parse(document))
        {
            Assert.True(parsed.RootElement.GetProperty("paths").TryGetProperty("/api/relationships/path/{fromUserId}/{toUserId}", out _));
        }

        await OpenApiLint.AssertValidAsync(document);
        Assert.Contains("\"url\":\"openapi/social-graph.json\"", await stack.Anonymous().GetStringAsync("/docs"));
    }

    private static Task FollowWhenKnownAsync(TestUser follower, TestUser followee) =>
        Eventually.WaitForAsync(async () => (await follower.Client.PutAsync($"/api/relationships/following/{followee.Id}", null)).StatusCode,
            status => status == HttpStatusCode.NoContent, EventTimeout, $"social-graph to know {followee.Id}");

    private static async Task<Guid> OpenDirectWhenKnownAsync(TestUser caller, TestUser other)
    {
        var response = await Eventually.WaitForAsync(
            () => caller.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = other.Id }),
            answer => answer.StatusCode == HttpStatusCode.OK, EventTimeout, $"messaging to know {other.Id}");
        return (await response.Content.ReadFromJsonAsync<ConversationIdDto>())!.Id;
    }

    private static Task<HttpResponseMessage> SendAsync(TestUser sender, Guid conversationId) =>
        sender.Client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "hello" });

    private static async Task<List<Guid>> SuggestedAsync(TestUser user) =>
        [.. (await user.Client.GetFromJsonAsync<PageDto<SuggestionIdDto>>("/api/relationships/suggestions?limit=100"))!.Items.Select(s => s.UserId)];

    private sealed record PathDto(List<Guid> UserIds);

    private sealed record SuggestionIdDto(Guid UserId);

    private sealed record ConversationIdDto(Guid Id);
}
