using System.Net;
using System.Net.Http.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Conversations;

public sealed class DirectConversationTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task Both_sides_open_the_same_direct_conversation_every_time()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());

        var fromAda = await ada.OpenDirectAsync(bob.Id);
        var again = await ada.OpenDirectAsync(bob.Id);
        var fromBob = await bob.OpenDirectAsync(ada.Id);

        Assert.Equal(fromAda.Id, again.Id);
        Assert.Equal(fromAda.Id, fromBob.Id);
        Assert.Equal("direct", fromBob.Kind);
        Assert.Equal(new[] { ada.Id, bob.Id }.Order(), fromBob.MemberIds!.Order());
        Assert.NotEqual(fromAda.Id, (await ada.OpenDirectAsync(app.NewUser().Id)).Id);
    }

    [Fact]
    public async Task A_conversation_with_yourself_or_nobody_is_a_validation_problem()
    {
        var ada = app.NewUser();

        await (await ada.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = ada.Id })).AssertValidationProblemAsync("userId");
        await (await ada.Client.PostAsJsonAsync("/api/conversations/direct", new { })).AssertValidationProblemAsync("userId");
        await (await ada.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = Guid.Empty })).AssertValidationProblemAsync("userId");
        await (await ada.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = "not-a-guid" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_inbox_lists_latest_activity_first_with_preview_and_unread_count_until_read()
    {
        var (ada, bob, cid) = (app.NewUser(), app.NewUser(), app.NewUser());
        var withBob = await ada.OpenDirectAsync(bob.Id);
        var withCid = await ada.OpenDirectAsync(cid.Id);
        await bob.SendAsync(withBob.Id, "one");
        await bob.SendAsync(withBob.Id, "two");
        await cid.SendAsync(withCid.Id, "  latest  ");

        var inbox = await ada.GetPageAsync<ConversationSummaryDto>("/api/conversations");
        Assert.Equal([withCid.Id, withBob.Id], inbox.Items.Select(c => c.Id));
        Assert.Equal(("latest", cid.Id, 1L), (inbox.Items[0].LastMessage!.Text, inbox.Items[0].LastMessage!.SenderId, inbox.Items[0].UnreadCount));
        Assert.Equal(2, inbox.Items[1].UnreadCount);
        Assert.Equal(0, (await bob.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items.Single().UnreadCount);

        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.PostAsync($"/api/conversations/{withBob.Id}/read", null)).StatusCode);
        inbox = await ada.GetPageAsync<ConversationSummaryDto>("/api/conversations");
        Assert.Equal([1L, 0L], inbox.Items.Select(c => c.UnreadCount));
    }

    [Fact]
    public async Task The_inbox_is_paged_with_a_bounded_page_size()
    {
        var ada = app.NewUser();
        for (var i = 0; i < 3; i++)
        {
            await ada.OpenDirectAsync(app.NewUser().Id);
        }

        var first = await ada.GetPageAsync<ConversationSummaryDto>("/api/conversations?limit=2");
        var second = await ada.GetPageAsync<ConversationSummaryDto>($"/api/conversations?limit=2&cursor={first.NextCursor}");

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal(3, first.Items.Concat(second.Items).Select(c => c.Id).Distinct().Count());
        await (await ada.Client.GetAsync("/api/conversations?limit=101")).AssertValidationProblemAsync("limit");
        await (await ada.Client.GetAsync("/api/conversations?limit=0")).AssertValidationProblemAsync("limit");
        await (await ada.Client.GetAsync("/api/conversations?cursor=%%%")).AssertValidationProblemAsync("cursor");
    }
}
