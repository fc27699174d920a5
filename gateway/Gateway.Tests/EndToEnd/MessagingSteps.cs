using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tripmate.Gateway.Tests.Caching;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

public sealed record MessageDto(Guid Id, Guid ConversationId, Guid SenderId, string? Text);

public sealed record NotificationDto(Guid Id, string Type, string Text, Dictionary<string, string> Data);

/// <summary>The requests the end-to-end tests make, each checked for the answer it must get.</summary>
public static class MessagingSteps
{
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    public static async Task AddMemberAsync(this TestUser owner, Guid groupId, Guid userId)
    {
        var response = await owner.Client.PostAsJsonAsync($"/api/groups/{groupId}/members", new { userId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends with <paramref name="client"/> (the gateway's or one instance's) and returns the stored message.</summary>
    public static async Task<MessageDto> SendAsync(this HttpClient client, Guid conversationId, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{client.BaseAddress}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<MessageDto>())!;
    }

    /// <summary>Waits until messaging has opened the group's conversation (from identity's events) with the user in it.</summary>
    public static Task WaitForConversationAsync(this TestUser member, Guid conversationId) =>
        Eventually.WaitForAsync(
            async () => (await member.Client.GetAsync($"/api/conversations/{conversationId}")).StatusCode,
            status => status == HttpStatusCode.OK, EventTimeout, $"messaging to open conversation {conversationId} for {member.Id}");

    /// <summary>Waits until the user's stored notifications (newest first) satisfy <paramref name="done"/>.</summary>
    public static Task<PageDto<NotificationDto>> WaitForNotificationsAsync(this TestUser user, Func<List<NotificationDto>, bool> done, string what) =>
        Eventually.WaitForAsync(
            async () => (await user.Client.GetFromJsonAsync<PageDto<NotificationDto>>("/api/notifications?limit=100"))!,
            page => done(page.Items), EventTimeout, what);

    /// <summary>The next event, which must be a notification whose id is the event's id.</summary>
    public static async Task<NotificationDto> NextNotificationAsync(this ServerSentEventsClient stream)
    {
        var received = await stream.NextEventAsync(EventTimeout);
        var notification = JsonSerializer.Deserialize<NotificationDto>(received.Data, JsonSerializerOptions.Web)!;
        Assert.Equal(("notification", notification.Id.ToString()), (received.Type, received.Id));
        return notification;
    }

    /// <summary>The notification is about exactly this message, from this sender, in this conversation.</summary>
    public static void AssertIsAbout(this NotificationDto notification, MessageDto message)
    {
        Assert.Equal("message", notification.Type);
        Assert.Equal(message.Text, notification.Text);
        Assert.Equal(
            (message.ConversationId.ToString(), message.Id.ToString(), message.SenderId.ToString()),
            (notification.Data["conversationId"], notification.Data["messageId"], notification.Data["senderId"]));
    }
}
