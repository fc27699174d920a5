using System.Net;
using System.Net.Http.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Messages;

/// <summary>Acceptance 4: a send retried with the same Idempotency-Key stores one message.</summary>
public sealed class IdempotentSendTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task The_same_key_twice_returns_the_first_result_and_stores_one_message()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var key = $"send-{Guid.NewGuid()}";

        var first = await ada.PostMessageAsync(conversation.Id, new { text = "only once" }, key);
        var retry = await ada.PostMessageAsync(conversation.Id, new { text = "only once" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single((await bob.GetPageAsync<MessageDto>($"/api/conversations/{conversation.Id}/messages")).Items);
        Assert.Equal(1, (await bob.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items.Single().UnreadCount);
    }

    [Fact]
    public async Task Concurrent_sends_with_one_key_store_one_message()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var key = $"send-{Guid.NewGuid()}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ada.PostMessageAsync(conversation.Id, new { text = "racing" }, key)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async response => (await response.Content.ReadFromJsonAsync<MessageDto>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], Assert.Single((await bob.GetPageAsync<MessageDto>($"/api/conversations/{conversation.Id}/messages")).Items).Id);
    }

    [Fact]
    public async Task Different_keys_or_another_conversation_send_again()
    {
        var (ada, bob, cid) = (app.NewUser(), app.NewUser(), app.NewUser());
        var withBob = await ada.OpenDirectAsync(bob.Id);
        var withCid = await ada.OpenDirectAsync(cid.Id);
        var key = $"send-{Guid.NewGuid()}";

        var toBob = await ada.PostMessageAsync(withBob.Id, new { text = "hello" }, key);
        var toCid = await ada.PostMessageAsync(withCid.Id, new { text = "hello" }, key);
        var another = await ada.PostMessageAsync(withBob.Id, new { text = "hello" }, $"{key}-2");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], new[] { toBob, toCid, another }.Select(r => r.StatusCode));
        Assert.Equal(2, (await bob.GetPageAsync<MessageDto>($"/api/conversations/{withBob.Id}/messages")).Items.Count);
        Assert.Single((await cid.GetPageAsync<MessageDto>($"/api/conversations/{withCid.Id}/messages")).Items);
    }

    [Theory]
    [InlineData("has space")]
    public async Task A_malformed_key_is_a_validation_problem(string key)
    {
        var ada = app.NewUser();
        var conversation = await ada.OpenDirectAsync(app.NewUser().Id);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation.Id}/messages") { Content = JsonContent.Create(new { text = "hi" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        await (await ada.Client.SendAsync(request)).AssertValidationProblemAsync("Idempotency-Key");
        await (await ada.PostMessageAsync(conversation.Id, new { text = "hi" }, new string('k', 101))).AssertValidationProblemAsync("Idempotency-Key");
    }

    [Fact]
    public async Task A_retried_send_notifies_the_other_member_once()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var key = $"send-{Guid.NewGuid()}";

        var first = (await (await ada.PostMessageAsync(conversation.Id, new { text = "ping" }, key)).Content.ReadFromJsonAsync<MessageDto>())!;
        await ada.PostMessageAsync(conversation.Id, new { text = "ping" }, key);
        var marker = await ada.SendAsync(conversation.Id, "marker");

        var notifications = await bob.WaitForNotificationsAsync(
            items => items.Any(n => n.Data["messageId"] == marker.Id.ToString()), "the marker's notification");
        Assert.Single(notifications.Items, n => n.Data["messageId"] == first.Id.ToString());
    }
}
