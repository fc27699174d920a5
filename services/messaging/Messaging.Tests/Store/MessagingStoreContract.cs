using Microsoft.Extensions.Time.Testing;
using Tripmate.Messaging.Store;
using Tripmate.Outbox;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>
/// The behaviours every message store must have, run against each backend by a subclass. Each
/// test makes its own ids, so tests never see each other's data even in a shared keyspace.
/// </summary>
public abstract partial class MessagingStoreContract
{
    protected static readonly TimeSpan BucketSize = TimeSpan.FromMinutes(1);
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>Times are whole milliseconds: both stores keep that precision.</summary>
    protected static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    protected FakeTimeProvider Clock { get; } = new(T0);

    protected IConversationStore Conversations { get; private set; } = null!;

    protected IMessageStore Messages { get; private set; } = null!;

    protected INotificationStore Notifications { get; private set; } = null!;

    protected IOutboxStore Outbox { get; private set; } = null!;

    protected IProcessedEventStore ProcessedEvents { get; private set; } = null!;

    /// <summary>Opens the backend's stores with these options (or skips the test when the backend is not available).</summary>
    protected abstract Task<StoreSet> OpenAsync(MessagingStoreOptions options);

    /// <summary>Lets time pass for TTLs: the embedded store's clock moves; Cassandra's server clock runs on its own.</summary>
    protected virtual void LetTimePass(TimeSpan by) => Clock.Advance(by);

    protected static MessagingStoreOptions DefaultOptions() => new() { BucketSize = BucketSize };

    protected async Task StartAsync(MessagingStoreOptions? options = null)
    {
        (Conversations, Messages, Notifications, Outbox, ProcessedEvents) = await OpenAsync(options ?? DefaultOptions());
    }

    protected async Task<Guid> NewConversationAsync(params Guid[] members)
    {
        var conversation = new Conversation(Guid.NewGuid(), ConversationKind.Group, Guid.NewGuid(), "Trip to Lisbon", T0);
        await Conversations.EnsureAsync(conversation, members, Ct);
        return conversation.Id;
    }

    protected static Message NewMessage(Guid conversationId, Guid senderId, DateTimeOffset at, string? text = null) =>
        new(conversationId, TimeUuid.NewId(at), senderId, text ?? $"hello at {at:O}", [], at);

    protected async Task<Message> SendAsync(Guid conversationId, Guid senderId, DateTimeOffset at, string? text = null)
    {
        var message = NewMessage(conversationId, senderId, at, text);
        await Messages.AppendAsync(message, await Conversations.GetMemberIdsAsync(conversationId, Ct), [], Ct);
        return message;
    }

    protected async Task<List<Message>> ReadAllAsync(Guid conversationId, int pageSize)
    {
        var all = new List<Message>();
        MessagePosition? before = null;
        do
        {
            var page = await Messages.ReadAsync(conversationId, before, pageSize, Ct);
            Assert.True(page.Items.Count <= pageSize);
            // Fails at the first repeat, so a cursor that does not move on cannot loop forever.
            Assert.All(page.Items, m => Assert.DoesNotContain(all, seen => seen.Id == m.Id));
            all.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);
        return all;
    }

    protected async Task<InboxEntry?> InboxEntryAsync(Guid userId, Guid conversationId)
    {
        var inbox = await Conversations.GetInboxAsync(userId, null, 100, Ct);
        return inbox.Items.SingleOrDefault(e => e.ConversationId == conversationId);
    }
}
