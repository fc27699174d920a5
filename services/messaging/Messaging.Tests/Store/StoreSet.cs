using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>The three stores of one backend, as the contract suite uses them.</summary>
public sealed record StoreSet(IConversationStore Conversations, IMessageStore Messages, INotificationStore Notifications);
