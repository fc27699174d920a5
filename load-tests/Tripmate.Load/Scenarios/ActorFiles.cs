using Tripmate.Load.Http;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// Files a scenario's user may download: their own newest ones. An actor the seed gave no file gets
/// one small file at setup (not measured), so every download reads a file its caller may read.
/// </summary>
public static class ActorFiles
{
    public static async Task<IReadOnlyList<Guid>> OfAsync(HttpClient gateway, string token, int actorIndex)
    {
        var (outcome, page) = await gateway.SendForJsonAsync<PageDto<FileDto>>(LoadHttp.Request(HttpMethod.Get, "/api/files?limit=20", token), CancellationToken.None);
        if (page is null)
        {
            throw new InvalidOperationException($"Listing files answered {outcome.Status}.");
        }

        if (page.Items.Count > 0)
        {
            return page.Items.Select(f => f.Id).ToList();
        }

        var upload = LoadHttp.Request(HttpMethod.Post, "/api/files", token);
        upload.Content = GeneratedText.AsUpload(4096, actorIndex, $"load-setup-{actorIndex}.txt");
        var (uploaded, file) = await gateway.SendForJsonAsync<IdDto>(upload, CancellationToken.None);
        return file is null ? throw new InvalidOperationException($"Uploading a setup file answered {uploaded.Status}.") : [file.Id];
    }
}
