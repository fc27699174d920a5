using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tripmate.Files.Store;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Tests.Store;

/// <summary>The event ids consumers handled, kept as objects in the real s3rver bucket: per consumer, and only for the retention.</summary>
public sealed class ProcessedEventsTests(FilesApp app) : IClassFixture<FilesApp>
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    [Fact]
    public async Task An_event_is_processed_for_the_consumer_that_marked_it_until_the_retention_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var processed = new S3ProcessedEvents(app.Store, Options.Create(new MessageBusOptions { ProcessedEventRetention = Retention }), clock);
        var (eventId, other) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.False(await processed.IsProcessedAsync("files-group-member-added", eventId, CancellationToken.None));
        await processed.MarkProcessedAsync("files-group-member-added", eventId, CancellationToken.None);

        Assert.True(await processed.IsProcessedAsync("files-group-member-added", eventId, CancellationToken.None));
        Assert.False(await processed.IsProcessedAsync("files-group-deleted", eventId, CancellationToken.None));
        Assert.False(await processed.IsProcessedAsync("files-group-member-added", other, CancellationToken.None));
        clock.Advance(Retention + TimeSpan.FromMinutes(1));
        Assert.False(await processed.IsProcessedAsync("files-group-member-added", eventId, CancellationToken.None));
    }
}
