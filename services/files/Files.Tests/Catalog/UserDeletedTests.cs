using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Catalog;

/// <summary>Acceptance 5, first half: a deleted user's files are gone from the bucket, and a replay changes nothing.</summary>
public sealed class UserDeletedTests(FilesApp app, Bus bus) : IClassFixture<FilesApp>, IClassFixture<Bus>
{
    [Fact]
    public async Task UserDeleted_removes_every_object_of_the_user_and_every_share_with_them_and_a_replay_changes_nothing()
    {
        var (leaving, friend) = (app.NewUser(), app.NewUser());
        var files = new List<FileDto>();
        for (var i = 0; i < 3; i++)
        {
            files.Add(await leaving.Client.UploadAsync(Infrastructure.Uploads.Text(100, seed: i), $"f{i}.txt"));
        }

        await leaving.Client.PostAsJsonAsync($"/api/files/{files[0].Id}/shares", new { userId = friend.Id });
        var friendsFile = await friend.Client.UploadAsync("kept"u8.ToArray(), "kept.txt");
        await friend.Client.PostAsJsonAsync($"/api/files/{friendsFile.Id}/shares", new { userId = leaving.Id });
        var before = await app.KeysAsync();
        Assert.Contains(before, key => key.StartsWith($"files/{files[2].Id:D}/", StringComparison.Ordinal));

        var deleted = new UserDeleted(leaving.Id);
        await bus.PublishAsync(deleted);

        await Eventually.WaitForAsync(() => LeftOfAsync(leaving, files), keys => keys.Count == 0, TimeSpan.FromSeconds(30),
            "the user's objects to be deleted");
        Assert.Empty(await app.KeysAsync($"shared-with/user/{leaving.Id:D}/"));
        Assert.Empty(await app.KeysAsync($"files/{friendsFile.Id:D}/shares/"));
        Assert.Equal("kept", await friend.Client.GetStringAsync($"/api/files/{friendsFile.Id}/content"));
        await Eventually.WaitForAsync(() => Task.FromResult(bus.Deleted.Count(e => e.OwnerId == leaving.Id)), count => count == 3,
            TimeSpan.FromSeconds(30), "a FileDeleted per file");

        // The same event redelivered, and the same deletion told again under a new id: nothing changes, nothing is announced twice.
        var after = await app.KeysAsync("files/");
        await bus.PublishAsync(deleted);
        await bus.PublishAsync(deleted with { EventId = Guid.CreateVersion7() });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(after, await app.KeysAsync("files/"));
        Assert.Equal(3, bus.Deleted.Count(e => e.OwnerId == leaving.Id));
    }

    private async Task<List<string>> LeftOfAsync(TestUser user, List<FileDto> files)
    {
        var keys = await app.KeysAsync($"owners/{user.Id:D}/");
        keys.AddRange(await app.KeysAsync($"shared-with/user/{user.Id:D}/"));
        foreach (var file in files)
        {
            keys.AddRange(await app.KeysAsync($"files/{file.Id:D}/"));
        }

        return keys;
    }
}
