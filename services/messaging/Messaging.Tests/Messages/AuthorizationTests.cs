using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Messages;

/// <summary>Acceptance 3: a conversation does not exist for non-members; only the sender changes a message.</summary>
public sealed class AuthorizationTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_non_member_gets_404_for_the_conversation_and_everything_under_it()
    {
        var (ada, bob, eve) = (app.NewUser(), app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var message = await ada.SendAsync(conversation.Id, "private");
        var url = $"/api/conversations/{conversation.Id}";

        await (await eve.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.Client.GetAsync($"{url}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.Client.GetAsync($"{url}/messages/{message.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.PostMessageAsync(conversation.Id, new { text = "let me in" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.Client.PatchAsJsonAsync($"{url}/messages/{message.Id}", new { text = "mine now" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.Client.DeleteAsync($"{url}/messages/{message.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await eve.Client.PostAsync($"{url}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty((await eve.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items);
        Assert.Equal("private", (await bob.Client.GetFromJsonAsync<MessageDto>($"{url}/messages/{message.Id}"))!.Text);
    }

    [Fact]
    public async Task Only_the_sender_edits_or_deletes_a_message()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var message = await ada.SendAsync(conversation.Id, "original");
        var url = $"/api/conversations/{conversation.Id}/messages/{message.Id}";

        await (await bob.Client.PatchAsJsonAsync(url, new { text = "forged" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await bob.Client.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await ada.Client.GetFromJsonAsync<MessageDto>(url);
        Assert.Equal(("original", false, null), (unchanged!.Text, unchanged.IsDeleted, unchanged.EditedAt));
        Assert.Equal(HttpStatusCode.OK, (await ada.Client.PatchAsJsonAsync(url, new { text = "changed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Unknown_or_malformed_message_ids_are_not_found()
    {
        var ada = app.NewUser();
        var conversation = await ada.OpenDirectAsync(app.NewUser().Id);
        var url = $"/api/conversations/{conversation.Id}/messages";

        await (await ada.Client.GetAsync($"{url}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ada.Client.DeleteAsync($"{url}/{Guid.CreateVersion7()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ada.Client.GetAsync($"{url}/not-a-guid")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/conversations")]
    [InlineData("/api/notifications")]
    [InlineData("/api/notifications/unread-count")]
    [InlineData("/api/notifications/stream")]
    public async Task Every_route_needs_a_valid_token(string url)
    {
        var userId = Guid.NewGuid();
        await (await app.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        foreach (var token in new[]
                 {
                     Tokens.For(userId, signedWith: Tokens.NewKey()),
                     Tokens.For(userId, lifetime: TimeSpan.FromMinutes(-5)),
                 })
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Writes_need_a_token_too()
    {
        var anonymous = app.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/conversations/direct", new { userId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync($"/api/conversations/{Guid.NewGuid()}/messages", new { text = "hi" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync("/api/notifications/read-all", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
