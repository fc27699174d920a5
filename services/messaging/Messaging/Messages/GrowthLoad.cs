using System.Globalization;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Messages;

/// <summary>
/// <c>dotnet Tripmate.Messaging.dll load-growth messages --conversation ID --members A,B --count N</c>:
/// fills a conversation with N messages through the store's own append (what a send stores: the
/// message, its time bucket, the conversation's and each member's inbox preview), for measuring how
/// a message page grows with the conversation (`./dev seed --growth`, docs/performance.md goal 6).
/// Sending a million messages through the API would take hours and measure the sending. The
/// messages are spread evenly over the year before <see cref="Anchor"/>, in bursts of one sender,
/// with ids derived from the conversation and their position, so running it again adds only what
/// is missing. No events: nobody is notified of seeded history.
/// </summary>
public static class GrowthLoad
{
    public const string Command = "load-growth";

    /// <summary>A fixed end, so a resumed run makes the same messages.</summary>
    private static readonly DateTimeOffset Anchor = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args is not ["messages", ..])
        {
            output.WriteLine("usage: load-growth messages --conversation ID --members A,B --count N");
            return 2;
        }

        var conversation = Guid.Parse(Option(args, "--conversation"));
        var members = Option(args, "--members").Split(',').Select(Guid.Parse).ToList();
        var count = long.Parse(Option(args, "--count"), CultureInfo.InvariantCulture);
        var store = services.GetRequiredService<IMessageStore>();
        var step = TimeSpan.FromDays(365) / count;
        var start = Anchor - TimeSpan.FromDays(365);
        var first = await FirstMissingAsync(store, conversation, start, step, count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = first; i < count; i++)
        {
            var at = start + (step * i);
            var sender = members[(int)(i / 3 % members.Count)];
            var message = new Message(conversation, IdOf(conversation, at, i), sender, $"growth message {i}: see you at the station at {at:HH:mm}", [], at);
            await store.AppendAsync(message, members, [], CancellationToken.None);
            if ((i + 1) % 50_000 == 0)
            {
                output.WriteLine($"  {i + 1:N0} of {count:N0} messages ({(i + 1 - first) / clock.Elapsed.TotalSeconds:0}/s)");
            }
        }

        output.WriteLine($"Conversation {conversation}: {count:N0} messages ({count - first:N0} added in {clock.Elapsed.TotalSeconds:0} s).");
        return 0;
    }

    private static Guid IdOf(Guid conversation, DateTimeOffset at, long index) =>
        TimeUuid.Derive(at, conversation, new Guid((int)(index >> 32), (short)(index >> 16), (short)index, new byte[8]));

    /// <summary>The position after the newest seeded message (they are appended oldest first), 0 when there is none.</summary>
    private static async Task<long> FirstMissingAsync(IMessageStore store, Guid conversation, DateTimeOffset start, TimeSpan step, long count)
    {
        var newest = (await store.ReadAsync(conversation, null, 1, CancellationToken.None)).Items.FirstOrDefault();
        if (newest is null || newest.SentAt < start || newest.SentAt > Anchor)
        {
            return 0;
        }

        var index = (long)Math.Round((newest.SentAt - start) / step);
        return index < count && newest.Id == IdOf(conversation, start + (step * index), index) ? index + 1 : 0;
    }

    private static string Option(IReadOnlyList<string> args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"load-growth: {name} is required.");
}
