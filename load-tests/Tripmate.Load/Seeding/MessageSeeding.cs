using System.Diagnostics;
using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Opens the direct conversations and sends every conversation's planned messages in order (its
/// bursts stay bursts); conversations run in parallel. A group's conversation is made by messaging
/// from identity's events, so a send there waits (briefly, with retries) until messaging knows the
/// sender is a member.
/// </summary>
public static class MessageSeeding
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SeedContext seed, SeedProgress.Step conversations, SeedProgress.Step messages, CancellationToken cancellationToken)
    {
        conversations.Advance(seed.Journal.Conversations.Count);
        messages.Advance(seed.Journal.MessagesSent.Values.Sum());
        // Busiest conversations first: they are the long pole, sent one message after another.
        var order = seed.Plan.Conversations.OrderByDescending(c => seed.Plan.MessagesPerConversation[c.Index]);
        await seed.ForEachAsync(order, async (conversation, ct) =>
        {
            if (!seed.Journal.Conversations.TryGetValue(conversation.Index, out var id))
            {
                id = await OpenAsync(seed, conversation, ct);
                seed.Journal.Conversations[conversation.Index] = id;
                conversations.Advance();
            }

            var sent = seed.Journal.MessagesSent.GetValueOrDefault(conversation.Index);
            foreach (var message in seed.Plan.Messages(conversation).Skip(sent))
            {
                await SendAsync(seed, id, conversation.Group is not null, message, ct);
                seed.Journal.MessagesSent[conversation.Index] = message.Index + 1;
                messages.Advance();
            }
        }, cancellationToken);
        conversations.Finish();
        messages.Finish();
    }

    private static async Task<Guid> OpenAsync(SeedContext seed, PlannedConversation conversation, CancellationToken ct)
    {
        if (conversation.Group is { } group)
        {
            return seed.Journal.Groups[group]; // the group's conversation has the group's id
        }

        var (_, token) = await seed.TokenOfAsync(conversation.Members[0]);
        var (outcome, opened) = await seed.Gateway.SendForJsonAsync<IdDto>(LoadHttp.Request(HttpMethod.Post, "/api/conversations/direct", token,
            new { userId = seed.IdOf(conversation.Members[1]) }), ct);
        RateLimited.ThrowIf(outcome.Status);
        return opened?.Id ?? throw new InvalidOperationException($"Opening a direct conversation answered {outcome.Status}.");
    }

    private static async Task SendAsync(SeedContext seed, Guid conversation, bool isGroup, PlannedMessage message, CancellationToken ct)
    {
        var (_, token) = await seed.TokenOfAsync(message.Sender);
        var waited = Stopwatch.StartNew();
        for (var delay = 50; ; delay = Math.Min(delay * 2, 1000))
        {
            var request = LoadHttp.Request(HttpMethod.Post, $"/api/conversations/{conversation}/messages", token, new { text = message.Text });
            request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
            var outcome = await seed.Gateway.SendMeasuredAsync(request, ct);
            RateLimited.ThrowIf(outcome.Status);
            if (outcome.Ok)
            {
                return;
            }

            // 404: messaging has not yet applied the group's creation or this member's joining.
            if (!(isGroup && outcome.Status == (int)HttpStatusCode.NotFound && waited.Elapsed < EventWait))
            {
                throw new InvalidOperationException($"Sending to conversation {conversation} answered {outcome.Status}.");
            }

            await Task.Delay(delay, ct);
        }
    }
}
