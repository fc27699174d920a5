namespace Tripmate.Messaging.Tests.Infrastructure;

/// <summary>Two instances of the service on one store and one broker, as behind a load balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly MessagingStoreDirectory _store = new();

    public TwoInstances()
    {
        A = new MessagingApp(_store);
        B = new MessagingApp(_store);
    }

    public MessagingApp A { get; }

    public MessagingApp B { get; }

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)A).DisposeAsync();
        await ((IAsyncLifetime)B).DisposeAsync();
        _store.Dispose();
    }

    /// <summary>The same user signed in on each instance.</summary>
    public (TestUser OnA, TestUser OnB) NewUser()
    {
        var id = Guid.CreateVersion7();
        A.MarkRegistered(id); // one store behind both instances
        return (new TestUser(id, A.ClientFor(id)), new TestUser(id, B.ClientFor(id)));
    }
}
