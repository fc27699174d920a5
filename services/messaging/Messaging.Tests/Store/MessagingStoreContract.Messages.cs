using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Store;

public abstract partial class MessagingStoreContract
{
    [SkippableFact]
    public async Task Appended_messages_read_back_newest_first_with_every_field()
    {
        await StartAsync();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(alice, bob);
        var first = await SendAsync(conversation, alice, T0.AddSeconds(1));
        var withFiles = NewMessage(conversation, bob, T0.AddSeconds(2)) with { AttachmentFileIds = [Guid.NewGuid(), Guid.NewGuid()] };
        await Messages.AppendAsync(withFiles, [alice, bob], [], Ct);

        var page = await Messages.ReadAsync(conversation, null, 10, Ct);

        Assert.Equal([withFiles.Id, first.Id], page.Items.Select(m => m.Id));
        Assert.Null(page.Next);
        var read = page.Items[0];
        Assert.Equal((withFiles.ConversationId, withFiles.SenderId, withFiles.Text, withFiles.SentAt), (read.ConversationId, read.SenderId, read.Text, read.SentAt));
        Assert.Equal(withFiles.AttachmentFileIds, read.AttachmentFileIds);
        Assert.Equal(first.Text, (await Messages.FindAsync(conversation, first.Id, Ct))?.Text);
        Assert.Null(await Messages.FindAsync(conversation, TimeUuid.NewId(T0), Ct));
    }

    [SkippableFact]
    public async Task Paging_across_buckets_returns_each_message_once_newest_first()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var conversation = await NewConversationAsync(sender);
        // Buckets 0, 3 and 7 (empty ones between), several messages each, two in the same tick.
        var expected = new List<Message>();
        foreach (var bucket in new[] { 0, 3, 7 })
        {
            for (var i = 0; i < 4; i++)
            {
                expected.Add(await SendAsync(conversation, sender, T0 + BucketSize * bucket + TimeSpan.FromSeconds(i)));
            }
        }
        expected.Add(await SendAsync(conversation, sender, T0 + BucketSize * 7 + TimeSpan.FromSeconds(3)));
        var newestFirst = expected.Select(m => m.Id).Order(Comparer<Guid>.Create(TimeUuid.Compare)).Reverse().ToList();

        foreach (var pageSize in new[] { 1, 3, 4, 5, 100 })
        {
            var read = await ReadAllAsync(conversation, pageSize);
            Assert.Equal(newestFirst, read.Select(m => m.Id));
        }
    }

    [SkippableFact]
    public async Task Paging_walks_more_buckets_than_one_read_of_the_bucket_index()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var conversation = await NewConversationAsync(sender);
        var sent = new List<Guid>();
        for (var bucket = 0; bucket < 40; bucket++)
        {
            sent.Add((await SendAsync(conversation, sender, T0 + BucketSize * (bucket * 2))).Id);
        }
        sent.Reverse();

        Assert.Equal(sent, (await ReadAllAsync(conversation, 7)).Select(m => m.Id));
        Assert.Equal(sent, (await Messages.ReadAsync(conversation, null, 100, Ct)).Items.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Reading_before_a_message_returns_only_older_ones()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var conversation = await NewConversationAsync(sender);
        var old = await SendAsync(conversation, sender, T0);
        var middle = await SendAsync(conversation, sender, T0 + BucketSize * 2);
        await SendAsync(conversation, sender, T0 + BucketSize * 2 + TimeSpan.FromMilliseconds(1));

        var page = await Messages.ReadAsync(conversation, new MessagePosition(middle.Id), 10, Ct);

        Assert.Equal([old.Id], page.Items.Select(m => m.Id));
        Assert.Null(page.Next);
        Assert.Empty((await Messages.ReadAsync(Guid.NewGuid(), null, 10, Ct)).Items);
    }

    [SkippableFact]
    public async Task Appending_the_same_message_twice_stores_and_counts_it_once()
    {
        await StartAsync();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(alice, bob);
        var message = await SendAsync(conversation, alice, T0.AddSeconds(1));

        await Messages.AppendAsync(message with { Text = "a retry" }, [alice, bob], [], Ct);

        Assert.Equal([message.Text], (await ReadAllAsync(conversation, 10)).Select(m => m.Text));
        Assert.Equal(1, (await InboxEntryAsync(bob, conversation))?.UnreadCount);
    }

    [SkippableFact]
    public async Task An_edit_changes_the_text_and_records_when()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var conversation = await NewConversationAsync(sender);
        var message = await SendAsync(conversation, sender, T0);

        Assert.True(await Messages.EditAsync(conversation, message.Id, "corrected", T0.AddMinutes(1), [], Ct));

        var read = await Messages.FindAsync(conversation, message.Id, Ct);
        Assert.Equal(("corrected", T0.AddMinutes(1)), (read?.Text, read?.EditedAt));
        Assert.False(await Messages.EditAsync(conversation, TimeUuid.NewId(T0), "nothing there", T0, [], Ct));
        Assert.False(await Messages.EditAsync(Guid.NewGuid(), message.Id, "wrong conversation", T0, [], Ct));
    }

    [SkippableFact]
    public async Task A_deleted_message_reads_as_deleted_not_as_a_gap()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var conversation = await NewConversationAsync(sender);
        var before = await SendAsync(conversation, sender, T0);
        var deleted = await SendAsync(conversation, sender, T0.AddSeconds(1));
        var after = await SendAsync(conversation, sender, T0.AddSeconds(2));

        Assert.True(await Messages.DeleteAsync(conversation, deleted.Id, T0.AddMinutes(1), [], Ct));

        var read = await ReadAllAsync(conversation, 10);
        Assert.Equal([after.Id, deleted.Id, before.Id], read.Select(m => m.Id));
        Assert.True(read[1].IsDeleted);
        Assert.Equal((null, T0.AddMinutes(1)), (read[1].Text, read[1].DeletedAt));
        Assert.Equal(after.Text, read[0].Text);
        Assert.False(await Messages.EditAsync(conversation, deleted.Id, "back from the dead", T0.AddMinutes(2), [], Ct));
        Assert.Null((await Messages.FindAsync(conversation, deleted.Id, Ct))?.Text);
        Assert.False(await Messages.DeleteAsync(conversation, TimeUuid.NewId(T0), T0, [], Ct));
    }

    [SkippableFact]
    public async Task Twenty_concurrent_senders_lose_no_message()
    {
        await StartAsync();
        var reader = Guid.NewGuid();
        var senders = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var conversation = await NewConversationAsync([reader, .. senders]);
        var members = await Conversations.GetMemberIdsAsync(conversation, Ct);
        const int perSender = 10;

        var sent = await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < perSender; i++)
            {
                // Same instants across senders, spread over buckets: collisions in time and bucket on purpose.
                var message = NewMessage(conversation, sender, T0 + BucketSize * (i % 3) + TimeSpan.FromMilliseconds(i));
                await Messages.AppendAsync(message, members, [], Ct);
                ids.Add(message.Id);
            }
            return ids;
        })));

        var read = await ReadAllAsync(conversation, 37);
        Assert.Equal(sent.SelectMany(ids => ids).Order().ToList(), read.Select(m => m.Id).Order().ToList());
        Assert.Equal(senders.Count * perSender, (await InboxEntryAsync(reader, conversation))?.UnreadCount);
        Assert.Equal((senders.Count - 1) * perSender, (await InboxEntryAsync(senders[0], conversation))?.UnreadCount);
    }

    [SkippableFact]
    public async Task An_idempotency_key_returns_the_first_claim_until_it_expires()
    {
        var options = DefaultOptions();
        options.IdempotencyKeyTtl = TimeSpan.FromSeconds(5); // long enough for a slow server between the first two claims
        await StartAsync(options);
        var (sender, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = (TimeUuid.NewId(T0), TimeUuid.NewId(T0));

        Assert.Null(await Messages.ClaimIdempotencyKeyAsync(sender, "key-1", first, Ct));
        Assert.Equal(first, await Messages.ClaimIdempotencyKeyAsync(sender, "key-1", second, Ct));
        Assert.Null(await Messages.ClaimIdempotencyKeyAsync(sender, "key-1", first, Ct)); // the same claim again is still ours
        Assert.Null(await Messages.ClaimIdempotencyKeyAsync(other, "key-1", second, Ct));
        Assert.Null(await Messages.ClaimIdempotencyKeyAsync(sender, "key-2", second, Ct));

        LetTimePass(TimeSpan.FromSeconds(6));
        var third = TimeUuid.NewId(T0);
        await Tripmate.Testing.Eventually.WaitForAsync(
            () => Messages.ClaimIdempotencyKeyAsync(sender, "key-1", third, Ct), claimedBy => claimedBy is null,
            TimeSpan.FromSeconds(30), "the expired key to be claimable again");
    }

    [SkippableFact]
    public async Task Concurrent_claims_of_one_key_have_one_winner()
    {
        await StartAsync();
        var sender = Guid.NewGuid();
        var ids = Enumerable.Range(0, 20).Select(_ => TimeUuid.NewId(T0)).ToList();

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => Messages.ClaimIdempotencyKeyAsync(sender, "same", id, Ct))));

        var winner = Assert.Single(ids.Where((_, i) => results[i] is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(winner, r));
    }
}
