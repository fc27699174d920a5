using Tripmate.Messaging.Store;
using Tripmate.Outbox;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>The stores of one backend, with its outbox and processed-event record, as the contract suite uses them.</summary>
public sealed record StoreSet(
    IConversationStore Conversations, IMessageStore Messages, INotificationStore Notifications, IOutboxStore Outbox, IProcessedEventStore ProcessedEvents);
