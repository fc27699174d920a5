using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tripmate.Files.Store;
using Tripmate.Files.Store.Changes;

namespace Tripmate.Files.Uploads;

/// <summary>
/// <c>dotnet Tripmate.Files.dll load-growth files --owner ID --count N</c>: gives one person N files,
/// written as an upload leaves them (the bytes, the record, the owner's index entry; the same JSON
/// <see cref="FileRecorder"/> commits), for measuring how a file listing grows with the files a
/// person has (`./dev seed --growth`, docs/performance.md goal 6). Uploading 10^5 files through the
/// API would measure the uploads. Each file is a small text of its own, created at an even step over
/// the year before <see cref="Anchor"/>; ids derive from the owner and the position, and files
/// already listed are skipped, so running it again adds only what is missing. No events.
/// </summary>
public static class GrowthLoad
{
    public const string Command = "load-growth";

    private static readonly DateTimeOffset Anchor = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args is not ["files", ..])
        {
            output.WriteLine("usage: load-growth files --owner ID --count N");
            return 2;
        }

        var owner = Guid.Parse(Option(args, "--owner"));
        var count = long.Parse(Option(args, "--count"), CultureInfo.InvariantCulture);
        var bucket = services.GetRequiredService<Bucket>();
        var listed = new HashSet<Guid>();
        await foreach (var entry in bucket.ListAllAsync(BucketKeys.OwnedBy(owner), CancellationToken.None))
        {
            if (BucketKeys.TryFileIdOfEntry(entry.Key, out var id))
            {
                listed.Add(id);
            }
        }

        var step = TimeSpan.FromDays(365) / count;
        var start = Anchor - TimeSpan.FromDays(365);
        var added = 0L;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(LongRange(count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var fileId = IdOf(owner, i);
            if (listed.Contains(fileId))
            {
                return;
            }

            var content = Encoding.UTF8.GetBytes($"growth file {i} of {owner}: notes for the trip\n");
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds((start + (step * i)).ToUnixTimeMilliseconds());
            var file = new FileRecord(fileId, owner, $"notes-{i:D6}.txt", content.Length, "text/plain", Convert.ToHexStringLower(SHA256.HashData(content)), createdAt);
            await bucket.PutAsync(BucketKeys.Content(fileId), content, file.ContentType, ct);
            foreach (var put in new[] { ChangeLog.Put(BucketKeys.Record(fileId), file), ChangeLog.Put(BucketKeys.OwnerEntry(file), new { }) })
            {
                await bucket.PutAsync(put.Key, Encoding.UTF8.GetBytes(put.Json), "application/json", ct);
            }

            if (Interlocked.Increment(ref added) % 10_000 == 0)
            {
                output.WriteLine($"  {added:N0} files added ({added / clock.Elapsed.TotalSeconds:0}/s)");
            }
        });
        output.WriteLine($"User {owner}: {count:N0} files ({added:N0} added in {clock.Elapsed.TotalSeconds:0} s).");
        return 0;
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return i;
        }
    }

    private static Guid IdOf(Guid owner, long index)
    {
        Span<byte> input = stackalloc byte[24];
        owner.TryWriteBytes(input[..16]);
        BitConverter.TryWriteBytes(input[16..], index);
        return new Guid(SHA256.HashData(input).AsSpan(0, 16));
    }

    private static string Option(IReadOnlyList<string> args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"load-growth: {name} is required.");
}
