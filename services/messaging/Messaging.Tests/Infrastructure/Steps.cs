using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Infrastructure;

/// <summary>The few requests most tests start with.</summary>
public static class Steps
{
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    public static async Task<ConversationDto> OpenDirectAsync(this TestUser user, Guid otherUserId)
    {
        var response = await user.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = otherUserId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConversationDto>())!;
    }

    public static Task<HttpResponseMessage> PostMessageAsync(this TestUser user, Guid conversationId, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return user.Client.SendAsync(request);
    }

    public static async Task<MessageDto> SendAsync(this TestUser user, Guid conversationId, string text)
    {
        var response = await user.PostMessageAsync(conversationId, new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MessageDto>())!;
    }

    public static async Task<PageDto<T>> GetPageAsync<T>(this TestUser user, string url)
    {
        var response = await user.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PageDto<T>>())!;
    }

    public static Task<PageDto<NotificationDto>> NotificationsAsync(this TestUser user, string query = "") =>
        user.GetPageAsync<NotificationDto>($"/api/notifications?limit=100{query}");

    /// <summary>Waits until the user's notifications satisfy <paramref name="done"/>.</summary>
    public static Task<PageDto<NotificationDto>> WaitForNotificationsAsync(this TestUser user, Func<List<NotificationDto>, bool> done, string what) =>
        Eventually.WaitForAsync(() => user.NotificationsAsync(), page => done(page.Items), EventTimeout, what);

    /// <summary>Waits until the user can (or can no longer) see the conversation.</summary>
    public static Task WaitForAccessAsync(this TestUser user, Guid conversationId, bool member = true) =>
        Eventually.WaitForAsync(
            async () => (await user.Client.GetAsync($"/api/conversations/{conversationId}")).StatusCode,
            status => status == (member ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            EventTimeout,
            $"user {user.Id} {(member ? "to join" : "to leave")} conversation {conversationId}");

    /// <summary>
    /// A group made the way identity announces it: created with its owner (version 1), then each
    /// member added (versions 2, 3, ...: the next change of the group is <c>members.Length + 2</c>).
    /// </summary>
    public static async Task<Guid> NewGroupAsync(this EventPublisher events, TestUser owner, params TestUser[] members)
    {
        var groupId = Guid.CreateVersion7();
        await events.PublishAsync(new GroupCreated(groupId, $"Trip {groupId:N}", null, owner.Id) { Version = 1 });
        await events.PublishAsync(new GroupMemberAdded(groupId, owner.Id, "owner") { Version = 1 });
        for (var i = 0; i < members.Length; i++)
        {
            await events.PublishAsync(new GroupMemberAdded(groupId, members[i].Id, "member") { Version = i + 2 });
        }

        foreach (var user in members.Prepend(owner))
        {
            await user.WaitForAccessAsync(groupId);
        }

        return groupId;
    }
}
