using System.Net;
using Tripmate.Contracts.Files;
using Tripmate.Files.Store;
using Tripmate.Files.Store.Changes;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Outbox;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Platform;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutageCollection
{
    public const string Name = "Server outages";
}

/// <summary>Acceptance 5, second half: events wait in the bucket while RabbitMQ is away. Stops the real broker, so runs alone.</summary>
[Collection(ServerOutageCollection.Name)]
public sealed class BrokerOutageTests(FilesApp app, Bus bus) : IClassFixture<FilesApp>, IClassFixture<Bus>
{
    [Fact]
    public async Task Uploads_succeed_while_RabbitMQ_is_stopped_and_their_events_arrive_once_after_it_restarts()
    {
        var user = app.NewUser();
        var uploaded = new List<FileDto>();
        await DevServer.StopAsync("rabbitmq");
        try
        {
            for (var i = 0; i < 10; i++)
            {
                uploaded.Add(await user.Client.UploadAsync(Infrastructure.Uploads.Text(1000, seed: i), $"offline-{i}.txt"));
            }

            Assert.Equal(10, (await app.KeysAsync($"owners/{user.Id:D}/")).Count);
        }
        finally
        {
            await DevServer.StartAsync("rabbitmq");
        }

        var ids = uploaded.Select(f => f.Id).ToHashSet();
        await Eventually.WaitForAsync(() => Task.FromResult(bus.Uploaded.Count(e => ids.Contains(e.FileId))), count => count >= 10,
            TimeSpan.FromSeconds(90), "10 FileUploaded events after the broker returned");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive right behind the originals
        var events = bus.Uploaded.Where(e => ids.Contains(e.FileId)).ToList();
        Assert.Equal(10, events.Count);
        Assert.Equal(ids, events.Select(e => e.FileId).ToHashSet());
        Assert.All(events, e => Assert.Equal(uploaded.Single(f => f.Id == e.FileId).Sha256, e.Sha256));
    }

    /// <summary>
    /// A request that died right after committing its change (the change object is in the outbox,
    /// none of its writes happened): the relay finishes the writes, then publishes the event.
    /// </summary>
    [Fact]
    public async Task A_change_committed_by_a_request_that_died_before_applying_it_is_applied_then_announced()
    {
        var owner = app.NewUser();
        var content = await owner.Client.UploadAsync("bytes"u8.ToArray(), "orphan.txt"); // bytes to point the record at
        var file = new FileRecord(Guid.CreateVersion7(), owner.Id, "repaired.txt", content.Size, content.ContentType, content.Sha256,
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await app.Store.PutAsync(BucketKeys.Content(file.Id), "bytes"u8.ToArray(), "text/plain", CancellationToken.None);
        var change = new StoredChange(Guid.CreateVersion7(), DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1),
            [ChangeLog.Put(BucketKeys.Record(file.Id), file), ChangeLog.Put(BucketKeys.OwnerEntry(file), new { })], [],
            [OutboxEnvelope.From(new FileUploaded(file.Id, owner.Id, file.Name, file.Size, file.ContentType, file.Sha256) { EventId = file.Id })]);
        await app.Store.PutJsonAsync(change.Key, change, CancellationToken.None);

        await Eventually.WaitForAsync(() => Task.FromResult(bus.Uploaded.Count(e => e.FileId == file.Id)), count => count == 1,
            TimeSpan.FromSeconds(60), "the repaired change's FileUploaded");
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/files/{file.Id}")).StatusCode);
        Assert.Equal("bytes", await owner.Client.GetStringAsync($"/api/files/{file.Id}/content"));
        await Eventually.WaitForAsync(() => app.KeysAsync(BucketKeys.OutboxPrefix), keys => !keys.Contains(change.Key),
            TimeSpan.FromSeconds(30), "the change to leave the outbox");
    }
}
