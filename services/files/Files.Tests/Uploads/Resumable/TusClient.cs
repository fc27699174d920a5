using System.Text.Json;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Uploads.Resumable;

public sealed record TusRun(string Url, int Interruptions, List<long> ResumedFrom);

/// <summary>
/// Runs Uploads/Resumable/tus-upload.js: the reference tus client (npm tus-js-client, pinned in tools/node).
/// A missing node or package fails the test on purpose: the real client is the acceptance check.
/// </summary>
public static class TusClient
{
    public static async Task<TusRun> UploadAsync(Uri endpoint, string token, string file, int chunkSize, params long[] interruptAt)
    {
        var run = await NodeScript.RunAsync(
            Path.Combine("Uploads", "Resumable", "tus-upload.js"),
            [NodeScript.ModulesWith("tus-js-client"), endpoint.ToString(), token, file, chunkSize.ToString(), string.Join(',', interruptAt)],
            TimeSpan.FromMinutes(3));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"tus-js-client failed ({run.ExitCode}): {run.Error}");
        }

        return JsonSerializer.Deserialize<TusRun>(run.Output, JsonSerializerOptions.Web)!;
    }
}
