using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Shares;

public sealed record ShareDto(Guid FileId, Guid? UserId, Guid? GroupId, DateTimeOffset SharedAt);

public sealed record DownloadUrlDto(string Url, DateTimeOffset ExpiresAt);

/// <summary>Acceptance 4: a file is its owner's, and theirs it was shared with, and nobody else's.</summary>
public sealed class AccessTests(FilesApp app, Bus bus) : IClassFixture<FilesApp>, IClassFixture<Bus>
{
    [Fact]
    public async Task Another_user_gets_404_from_every_route_of_a_file_that_is_not_shared_with_them()
    {
        var (owner, stranger) = (app.NewUser(), app.NewUser());
        var file = await owner.Client.UploadAsync("private"u8.ToArray(), "diary.txt");

        foreach (var path in new[] { "", "/content", "/download-url", "/shares" })
        {
            using var read = await stranger.Client.GetAsync($"/api/files/{file.Id}{path}");
            await read.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var share = await stranger.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", new { userId = stranger.Id });
        await share.AssertProblemAsync(HttpStatusCode.NotFound);
        using var delete = await stranger.Client.DeleteAsync($"/api/files/{file.Id}");
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files/shared-with-me"))!.Items);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/files/{file.Id}/content")).StatusCode);
    }

    [Fact]
    public async Task A_user_share_lets_that_user_read_until_it_is_removed_and_is_announced()
    {
        var (owner, friend, other) = (app.NewUser(), app.NewUser(), app.NewUser());
        var file = await owner.Client.UploadAsync("ticket"u8.ToArray(), "ticket.txt");

        using var shared = await owner.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", new { userId = friend.Id });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);

        Assert.Equal("ticket", await friend.Client.GetStringAsync($"/api/files/{file.Id}/content"));
        Assert.Equal([file.Id], (await friend.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files/shared-with-me"))!.Items.Select(f => f.Id));
        Assert.Equal([friend.Id], (await owner.Client.GetFromJsonAsync<List<ShareDto>>($"/api/files/{file.Id}/shares"))!.Select(s => s.UserId));
        // A shared user reads; only the owner manages.
        await (await friend.Client.GetAsync($"/api/files/{file.Id}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await friend.Client.DeleteAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await Eventually.WaitForAsync(() => Task.FromResult(bus.Shared.Count(e => e.FileId == file.Id)), count => count == 1,
            TimeSpan.FromSeconds(30), "FileShared");
        Assert.Equal(friend.Id, bus.Shared.Single(e => e.FileId == file.Id).UserId);

        using var unshared = await owner.Client.DeleteAsync($"/api/files/{file.Id}/shares/users/{friend.Id}");
        Assert.Equal(HttpStatusCode.NoContent, unshared.StatusCode);
        await (await friend.Client.GetAsync($"/api/files/{file.Id}/content")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await friend.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files/shared-with-me"))!.Items);
    }

    [Fact]
    public async Task A_group_share_lets_current_members_read_and_stops_when_they_leave_even_if_an_old_add_arrives_late()
    {
        var (owner, member, outsider) = (app.NewUser(), app.NewUser(), app.NewUser());
        var groupId = Guid.CreateVersion7();
        await bus.PublishAsync(new GroupMemberAdded(groupId, owner.Id, "owner") { Version = 1 });
        var memberAdded = new GroupMemberAdded(groupId, member.Id, "member") { Version = 2 };
        await bus.PublishAsync(memberAdded);
        var file = await owner.Client.UploadAsync("itinerary"u8.ToArray(), "plan.txt");
        using var shared = await owner.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", new { groupId });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);

        await Eventually.WaitForAsync(async () => (await member.Client.GetAsync($"/api/files/{file.Id}/content")).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the member to read the group's file");
        Assert.Equal([file.Id], (await member.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files/shared-with-me"))!.Items.Select(f => f.Id));
        await (await outsider.Client.GetAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        await bus.PublishAsync(new GroupMemberRemoved(groupId, member.Id) { Version = 3 });
        await Eventually.WaitForAsync(async () => (await member.Client.GetAsync($"/api/files/{file.Id}/content")).StatusCode,
            status => status == HttpStatusCode.NotFound, TimeSpan.FromSeconds(30), "the former member to lose access");
        await bus.PublishAsync(memberAdded with { EventId = Guid.CreateVersion7() }); // the old add, redelivered late
        await Task.Delay(TimeSpan.FromSeconds(1));
        await (await member.Client.GetAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await member.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files/shared-with-me"))!.Items);
    }

    [Fact]
    public async Task Deleting_the_group_drops_its_shares()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = Guid.CreateVersion7();
        await bus.PublishAsync(new GroupMemberAdded(groupId, member.Id, "member") { Version = 2 });
        var file = await owner.Client.UploadAsync("x"u8.ToArray(), "x.txt");
        await owner.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", new { groupId });

        await bus.PublishAsync(new GroupDeleted(groupId) { Version = 3 });

        await Eventually.WaitForAsync(async () => await owner.Client.GetFromJsonAsync<List<ShareDto>>($"/api/files/{file.Id}/shares"),
            shares => shares!.Count == 0, TimeSpan.FromSeconds(30), "the group's share to be dropped");
        await (await member.Client.GetAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_share_needs_exactly_one_target_and_never_the_owner()
    {
        var owner = app.NewUser();
        var file = await owner.Client.UploadAsync("x"u8.ToArray(), "x.txt");

        foreach (var body in new object[] { new { }, new { userId = Guid.NewGuid(), groupId = Guid.NewGuid() }, new { userId = owner.Id }, new { userId = Guid.Empty } })
        {
            using var response = await owner.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task The_owner_deletes_a_file_and_its_bytes_record_and_shares_are_gone()
    {
        var (owner, friend) = (app.NewUser(), app.NewUser());
        var file = await owner.Client.UploadAsync("bye"u8.ToArray(), "bye.txt");
        await owner.Client.PostAsJsonAsync($"/api/files/{file.Id}/shares", new { userId = friend.Id });

        using var deleted = await owner.Client.DeleteAsync($"/api/files/{file.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await app.KeysAsync($"files/{file.Id:D}/"));
        Assert.Empty(await app.KeysAsync($"owners/{owner.Id:D}/"));
        Assert.Empty(await app.KeysAsync($"shared-with/user/{friend.Id:D}/"));
        await (await owner.Client.GetAsync($"/api/files/{file.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await Eventually.WaitForAsync(() => Task.FromResult(bus.Deleted.Count(e => e.FileId == file.Id)), count => count == 1,
            TimeSpan.FromSeconds(30), "FileDeleted");
    }

    [Fact]
    public async Task A_download_url_reads_the_bytes_from_S3_directly()
    {
        var owner = app.NewUser();
        var content = Infrastructure.Uploads.Png(1000, seed: 3);
        var file = await owner.Client.UploadAsync(content, "photo.png");

        var url = (await owner.Client.GetFromJsonAsync<DownloadUrlDto>($"/api/files/{file.Id}/download-url"))!;

        using var direct = new HttpClient();
        Assert.Equal(content, await direct.GetByteArrayAsync(url.Url));
        Assert.True(url.ExpiresAt > DateTimeOffset.UtcNow && url.ExpiresAt < DateTimeOffset.UtcNow.AddMinutes(10));
    }
}
