using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Messaging.Store;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Infrastructure;

/// <summary>
/// The messaging service on real Kestrel, the real RabbitMQ and its embedded SQLite store in a
/// directory of its own. One per test class; every test makes its own users and groups.
/// </summary>
public class MessagingApp : ServiceApp<Program>
{
    private readonly MessagingStoreDirectory _store;
    private readonly bool _ownsStore;

    public MessagingApp() : this(new MessagingStoreDirectory(), ownsStore: true)
    {
    }

    /// <summary>Several apps may share one store (and its queues), as several instances of the service do.</summary>
    internal MessagingApp(MessagingStoreDirectory store, bool ownsStore = false)
    {
        _store = store;
        _ownsStore = ownsStore;
        With("ConnectionStrings:RabbitMq", TestServers.RabbitMq);
        With("Messaging:Store", "Embedded");
        With("Messaging:DataDirectory", _store.Path);
        With("MessageBus:QueuePrefix", _store.QueuePrefix);
        With("Files:Url", FilesService.BaseAddress.ToString());
        TrustTestTokens();
        With("Notifications:HeartbeatInterval", HeartbeatInterval.ToString());
        With("Messaging:BucketSize", BucketSize.ToString());
        With("Notifications:MaxStreamsPerUser", MaxStreamsPerUser.ToString());
    }

    /// <summary>Tiny time buckets, so a conversation of a few messages already spans several and paging crosses them.</summary>
    public static readonly TimeSpan BucketSize = TimeSpan.FromMilliseconds(5);

    public const int MaxStreamsPerUser = 3;

    /// <summary>Short, so heartbeat tests need not wait 15 s.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    protected override Task DisposeResourcesAsync()
    {
        if (_ownsStore)
        {
            _store.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>A client signed in as this user (users exist for messaging as soon as a token names them).</summary>
    public HttpClient ClientFor(Guid userId)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(userId));
        return client;
    }

    /// <summary>A user that exists as far as messaging knows (as if identity's UserRegistered had arrived).</summary>
    public TestUser NewUser()
    {
        var id = Guid.CreateVersion7();
        MarkRegistered(id);
        return new TestUser(id, ClientFor(id));
    }

    /// <summary>Writes the user directory directly; off the test's context, since NewUser is synchronous.</summary>
    public void MarkRegistered(Guid userId) =>
        Task.Run(() => Services.GetRequiredService<IUserDirectory>().MarkRegisteredAsync(userId, CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>
    /// What the store still keeps for a user, read from the store itself: a deleted account's token
    /// is refused at once (the revocation list), so its own API calls cannot show what was purged.
    /// </summary>
    public async Task<KeptForUser> KeptForAsync(Guid userId, params Guid[] conversationIds)
    {
        var conversations = Services.GetRequiredService<IConversationStore>();
        var notifications = Services.GetRequiredService<INotificationStore>();
        var inbox = await conversations.GetInboxAsync(userId, null, 100, CancellationToken.None);
        var listed = await notifications.ListAsync(userId, unreadOnly: false, null, 100, CancellationToken.None);
        var memberOf = 0;
        foreach (var id in conversationIds)
        {
            memberOf += await conversations.IsMemberAsync(id, userId, CancellationToken.None) ? 1 : 0;
        }

        return new KeptForUser(inbox.Items.Count, listed.Items.Count, await notifications.CountUnreadAsync(userId, CancellationToken.None), memberOf);
    }
}

public sealed record KeptForUser(int InboxEntries, int Notifications, long Unread, int MemberOf)
{
    public static readonly KeptForUser Nothing = new(0, 0, 0, 0);
}

public sealed record TestUser(Guid Id, HttpClient Client);

/// <summary>A store directory and the queue prefix that goes with it: one store, one set of queues.</summary>
public sealed class MessagingStoreDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;

    public string QueuePrefix { get; } = $"messaging-test-{Guid.NewGuid().ToString("N")[..12]}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the temp directory is cleaned by the system.
        }
    }
}
