using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Messages;

public sealed class SendAndReadTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_sent_message_is_created_trimmed_at_its_location()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var attachment = await FilesService.UploadAsync(ada.Id);

        var response = await ada.PostMessageAsync(conversation.Id, new { text = "  Meet at the harbour  ", attachmentFileIds = new[] { attachment, attachment } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = (await response.Content.ReadFromJsonAsync<MessageDto>())!;
        Assert.Equal(("Meet at the harbour", ada.Id, conversation.Id), (sent.Text, sent.SenderId, sent.ConversationId));
        Assert.Equal([attachment], sent.AttachmentFileIds);
        var read = await bob.Client.GetFromJsonAsync<MessageDto>(response.Headers.Location!.ToString());
        Assert.Equivalent(sent, read, strict: true);
    }

    [Fact]
    public async Task An_attachment_must_be_a_file_the_sender_may_read()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var bobsFile = await FilesService.UploadAsync(bob.Id);

        await (await ada.PostMessageAsync(conversation.Id, new { text = "look", attachmentFileIds = new[] { bobsFile } }))
            .AssertValidationProblemAsync("attachmentFileIds");
        await (await ada.PostMessageAsync(conversation.Id, new { text = "look", attachmentFileIds = new[] { Guid.NewGuid() } }))
            .AssertValidationProblemAsync("attachmentFileIds");
        Assert.Equal(HttpStatusCode.Created,
            (await bob.PostMessageAsync(conversation.Id, new { text = "mine", attachmentFileIds = new[] { bobsFile } })).StatusCode);
        Assert.DoesNotContain((await bob.Client.GetFromJsonAsync<PageDto<MessageDto>>($"/api/conversations/{conversation.Id}/messages"))!.Items,
            m => m.SenderId == ada.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_message_without_visible_text_is_a_validation_problem(string? text)
    {
        var ada = app.NewUser();
        var conversation = await ada.OpenDirectAsync(app.NewUser().Id);

        await (await ada.PostMessageAsync(conversation.Id, new { text })).AssertValidationProblemAsync("text");
    }

    [Fact]
    public async Task Text_counts_at_most_4000_characters_after_trimming_and_attachments_are_bounded()
    {
        var ada = app.NewUser();
        var conversation = await ada.OpenDirectAsync(app.NewUser().Id);

        Assert.Equal(HttpStatusCode.Created, (await ada.PostMessageAsync(conversation.Id, new { text = $"  {new string('a', 4000)}\n" })).StatusCode);
        await (await ada.PostMessageAsync(conversation.Id, new { text = new string('a', 4001) })).AssertValidationProblemAsync("text");
        var tooMany = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray();
        await (await ada.PostMessageAsync(conversation.Id, new { text = "hi", attachmentFileIds = tooMany })).AssertValidationProblemAsync("attachmentFileIds");
        var malformed = await ada.Client.PostAsync($"/api/conversations/{conversation.Id}/messages",
            new StringContent("{\"text\": 5", Encoding.UTF8, "application/json"));
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pages_of_messages_run_newest_first_across_time_buckets_and_return_each_message_once()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var sent = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            sent.Add((await (i % 2 == 0 ? ada : bob).SendAsync(conversation.Id, $"message {i}")).Id);
        }

        var seen = new List<MessageDto>();
        var url = $"/api/conversations/{conversation.Id}/messages?limit=10";
        PageDto<MessageDto> page;
        do
        {
            page = await bob.GetPageAsync<MessageDto>(url);
            Assert.True(page.Items.Count <= 10);
            seen.AddRange(page.Items);
            url = $"/api/conversations/{conversation.Id}/messages?limit=10&cursor={page.NextCursor}";
        }
        while (page.NextCursor is not null);

        var buckets = sent.Select(id => TimeUuid.GetTimestamp(id).ToUnixTimeMilliseconds() / (long)MessagingApp.BucketSize.TotalMilliseconds);
        Assert.True(buckets.Distinct().Count() >= 3, "The messages span at least three time buckets.");
        Assert.Equal(Enumerable.Reverse(sent), seen.Select(m => m.Id));
        Assert.Equal("message 24", seen[0].Text);
    }

    [Fact]
    public async Task Page_size_and_cursor_are_validated()
    {
        var ada = app.NewUser();
        var conversation = await ada.OpenDirectAsync(app.NewUser().Id);
        var url = $"/api/conversations/{conversation.Id}/messages";

        await (await ada.Client.GetAsync($"{url}?limit=0")).AssertValidationProblemAsync("limit");
        await (await ada.Client.GetAsync($"{url}?limit=101")).AssertValidationProblemAsync("limit");
        await (await ada.Client.GetAsync($"{url}?cursor=garbage")).AssertValidationProblemAsync("cursor");
        // A well-formed cursor holding an id that is no message position.
        var foreign = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\"{Guid.NewGuid()}\"")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await (await ada.Client.GetAsync($"{url}?cursor={foreign}")).AssertValidationProblemAsync("cursor");
        // A message position whose id is not time-based, and another list's cursor.
        var notTimeBased = Tripmate.ServiceDefaults.Paging.PageCursor.Encode(new Tripmate.Messaging.Store.MessagePosition(Guid.NewGuid()));
        await (await ada.Client.GetAsync($"{url}?cursor={notTimeBased}")).AssertValidationProblemAsync("cursor");
        var inboxCursor = Tripmate.ServiceDefaults.Paging.PageCursor.Encode(new Tripmate.Messaging.Store.InboxPosition(1, Guid.NewGuid()));
        await (await ada.Client.GetAsync($"{url}?cursor={inboxCursor}")).AssertValidationProblemAsync("cursor");
        Assert.Equal(HttpStatusCode.OK, (await ada.Client.GetAsync($"{url}?limit=100")).StatusCode);
    }

    [Fact]
    public async Task The_sender_edits_and_deletes_and_a_deleted_message_reads_as_deleted()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var first = await ada.SendAsync(conversation.Id, "first");
        var second = await ada.SendAsync(conversation.Id, "second");
        var url = $"/api/conversations/{conversation.Id}/messages";

        var edited = await ada.Client.PatchAsJsonAsync($"{url}/{first.Id}", new { text = " first, edited " });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var editedMessage = (await edited.Content.ReadFromJsonAsync<MessageDto>())!;
        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"{url}/{second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"{url}/{second.Id}")).StatusCode);

        var page = await bob.GetPageAsync<MessageDto>(url);
        Assert.Equal([second.Id, first.Id], page.Items.Select(m => m.Id));
        Assert.True(page.Items[0].IsDeleted);
        Assert.Null(page.Items[0].Text);
        Assert.NotNull(page.Items[0].DeletedAt);
        Assert.Equal("first, edited", page.Items[1].Text);
        Assert.Equivalent(editedMessage, page.Items[1], strict: true);
        await (await ada.Client.PatchAsJsonAsync($"{url}/{second.Id}", new { text = "back" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await ada.Client.PatchAsJsonAsync($"{url}/{first.Id}", new { text = " " })).AssertValidationProblemAsync("text");
    }
}
