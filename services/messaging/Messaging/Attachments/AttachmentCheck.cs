using System.Net;
using System.Net.Http.Headers;

namespace Tripmate.Messaging.Attachments;

/// <summary>The files service did not answer (down, timed out, circuit open): a 503, the message not sent.</summary>
public sealed class FilesUnavailableException(Exception? inner)
    : Exception("The files service does not answer, so the attachments cannot be checked; try again shortly.", inner);

/// <summary>
/// An attachment must be a file its sender may read. Asked of the files service with the sender's
/// own token (its <c>GET /api/files/{id}</c> answers 404 for a file the caller may not read), so the
/// rule stays in the one service that owns files and shares. The HttpClient carries the platform's
/// standard resilience (timeout, retries, circuit breaker) from the service defaults.
/// </summary>
public sealed class AttachmentCheck(HttpClient files)
{
    /// <summary>The ids among <paramref name="fileIds"/> the caller may not read (or that do not exist).</summary>
    public async Task<IReadOnlyList<Guid>> UnreadableAsync(IReadOnlyList<Guid> fileIds, AuthenticationHeaderValue callerToken, CancellationToken ct)
    {
        var answers = await Task.WhenAll(fileIds.Select(async id => (id, readable: await IsReadableAsync(id, callerToken, ct))));
        return [.. answers.Where(a => !a.readable).Select(a => a.id)];
    }

    private async Task<bool> IsReadableAsync(Guid fileId, AuthenticationHeaderValue callerToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{fileId}");
        request.Headers.Authorization = callerToken;
        try
        {
            using var response = await files.SendAsync(request, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                _ => throw new FilesUnavailableException(new HttpRequestException($"The files service answered {(int)response.StatusCode}.")),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException
                                      or Polly.Timeout.TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new FilesUnavailableException(e);
        }
    }
}
