namespace Tripmate.Messaging.Store;

/// <summary>Chooses and registers the store: Cassandra when contact points are configured, else embedded SQLite.</summary>
public static class StoreServiceExtensions
{
    public static IHostApplicationBuilder AddMessagingStore(this IHostApplicationBuilder builder)
    {
        // TODO(messaging store): register IConversationStore, IMessageStore, INotificationStore and the store health check.
        return builder;
    }

    /// <summary>Creates the schema (tables, keyspace) if missing, before the service takes traffic.</summary>
    public static Task InitializeMessagingStoreAsync(this WebApplication app) => Task.CompletedTask;
}
