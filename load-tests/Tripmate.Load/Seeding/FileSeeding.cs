using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Uploads the planned files (<see cref="SeedPlan.Files"/>: log-normal sizes, a long tail to 100 MB)
/// through the files service, each streamed from <see cref="GeneratedText"/>. A file not in the
/// journal is first looked for among its owner's newest files by its name (which carries its plan
/// index), so an interruption between the upload and the journal's save does not upload it twice.
/// </summary>
public static class FileSeeding
{
    public static async Task RunAsync(SeedContext seed, SeedProgress.Step files, string shape, CancellationToken cancellationToken)
    {
        var planned = seed.Plan.Files().Select((file, index) => (Index: index, file.Owner, file.Bytes, Name: NameOf(seed.Plan.Sizes.PlanKey, index, file.Name))).ToList();
        var (_, probeToken) = await seed.TokenOfAsync(0);
        if (!await ServiceProbe.IsDeployedAsync(seed.Gateway, ServiceProbe.Files, probeToken, cancellationToken))
        {
            files.Finish($"{planned.Count} planned, {shape}; skipped: files not deployed");
            return;
        }

        files.Advance(seed.Journal.Files.Count);
        // Largest first: the long tail is the long pole.
        await seed.ForEachAsync(planned.Where(f => !seed.Journal.Files.ContainsKey(f.Index)).OrderByDescending(f => f.Bytes), async (file, ct) =>
        {
            var (_, token) = await seed.TokenOfAsync(file.Owner);
            seed.Journal.Files[file.Index] = await FindAsync(seed, token, file.Name, ct) ?? await UploadAsync(seed, token, file.Index, file.Bytes, file.Name, ct);
            files.Advance();
        }, cancellationToken);
        files.Finish(shape);
    }

    /// <summary>Text content (the service sniffs types from the bytes), named for its plan and its index in it.</summary>
    private static string NameOf(string planKey, int index, string plannedName) => $"{planKey}-{index:D5}-{Path.GetFileNameWithoutExtension(plannedName)}.txt";

    private static async Task<Guid?> FindAsync(SeedContext seed, string token, string name, CancellationToken ct) =>
        (await Pages.FindAsync<FileDto>(seed.Gateway, "/api/files", token, f => f.Name == name, ct))?.Id;

    private static async Task<Guid> UploadAsync(SeedContext seed, string token, int index, long bytes, string name, CancellationToken ct)
    {
        var request = LoadHttp.Request(HttpMethod.Post, "/api/files", token);
        request.Content = GeneratedText.AsUpload(bytes, index, name);
        var (outcome, file) = await seed.Gateway.SendForJsonAsync<IdDto>(request, ct);
        RateLimited.ThrowIf(outcome.Status);
        return outcome.Status == (int)HttpStatusCode.Created && file is not null
            ? file.Id
            : throw new InvalidOperationException($"Uploading {name} ({bytes} bytes) answered {outcome.Status}.");
    }
}
