using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Caching;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>Messaging's answers in the gateway's cache, marked by messaging alone; membership decided by identity's events.</summary>
[Collection(MessagingStackCollection.Name)]
public sealed class MessagingCacheThroughGatewayTests(MessagingStack stack)
{
    [Fact]
    public async Task A_page_is_cached_per_member_and_a_message_sent_through_the_gateway_is_in_every_members_next_read()
    {
        var (ada, bob, groupId) = await GroupOfTwoAsync();
        var page = $"/api/conversations/{groupId}/messages";
        await bob.WarmAsync(page);

        Assert.Equal("MISS", (await ada.Client.GetAsync(page)).CacheStatus());
        var sent = await ada.Client.SendAsync(groupId, "seen at once");
        var next = await bob.Client.GetAsync(page);

        Assert.Equal("MISS", next.CacheStatus());
        Assert.Contains((await next.Content.ReadFromJsonAsync<PageDto<MessageDto>>())!.Items, message => message.Id == sent.Id);
    }

    [Fact]
    public async Task A_member_removed_at_identity_loses_the_cached_conversation_within_its_short_max_age()
    {
        var (ada, bob, groupId) = await GroupOfTwoAsync();
        await bob.WarmAsync($"/api/conversations/{groupId}/messages");

        (await ada.Client.DeleteAsync($"/api/groups/{groupId}/members/{bob.Id}")).EnsureSuccessStatusCode();

        // Identity's invalidation may come before messaging has applied the removal; max-age (10 s) bounds that.
        await Eventually.WaitForAsync(() => bob.Client.GetAsync($"/api/conversations/{groupId}/messages"),
            response => response.StatusCode == HttpStatusCode.NotFound, TimeSpan.FromSeconds(20),
            "the removed member to lose the conversation");
    }

    private async Task<(TestUser Ada, TestUser Bob, Guid GroupId)> GroupOfTwoAsync()
    {
        var (ada, bob) = (await stack.NewUserAsync(), await stack.NewUserAsync());
        var group = await ada.CreateGroupAsync();
        await ada.AddMemberAsync(group.Id, bob.Id);
        await bob.WaitForConversationAsync(group.Id);
        return (ada, bob, group.Id);
    }
}
