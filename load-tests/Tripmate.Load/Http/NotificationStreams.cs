using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Tripmate.Load.Http;

/// <summary>
/// One open notification stream (<c>/api/notifications/stream</c>, server-sent events, parsed by the
/// BCL's <see cref="SseParser"/>) per user, reporting each "added to a group" notification as it
/// arrives. Opening returns once every stream has sent its first comment, i.e. is subscribed.
/// </summary>
public sealed class NotificationStreams : IAsyncDisposable
{
    private const string MemberAdded = "group-member-added"; // messaging's GroupMemberAddedConsumer.NotificationType

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _readers = [];

    private NotificationStreams(HttpClient client, CancellationTokenSource stop) => (_client, _stop) = (client, stop);

    private sealed record Notification(string Type, Dictionary<string, string>? Data);

    /// <param name="onMemberAdded">Called with the user and the group's id, on the stream's reading thread.</param>
    public static async Task<NotificationStreams> OpenAsync(Uri gateway, IEnumerable<(Guid User, string Token)> users,
        Action<Guid, Guid> onMemberAdded, CancellationToken cancellationToken)
    {
        var client = LoadHttp.CreateClient(gateway);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var streams = new NotificationStreams(client, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        try
        {
            var subscribed = new List<Task>();
            foreach (var (user, token) in users)
            {
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                subscribed.Add(ready.Task);
                streams._readers.Add(streams.ReadAsync(user, token, ready, onMemberAdded));
            }

            await Task.WhenAll(subscribed).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return streams;
        }
        catch
        {
            await streams.DisposeAsync();
            throw;
        }
    }

    private async Task ReadAsync(Guid user, string token, TaskCompletionSource ready, Action<Guid, Guid> onMemberAdded)
    {
        try
        {
            using var request = LoadHttp.Request(HttpMethod.Get, "/api/notifications/stream", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"A notification stream answered {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            // The parser skips comments, so the first one ("connected") is seen as the first bytes arriving.
            var first = new byte[1];
            if (await body.ReadAsync(first, _stop.Token) == 0)
            {
                throw new InvalidOperationException("A notification stream ended before it began.");
            }

            ready.TrySetResult();
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                if (item.EventType == "notification"
                    && JsonSerializer.Deserialize<Notification>(item.Data, JsonSerializerOptions.Web) is { Type: MemberAdded } notification
                    && Guid.TryParse(notification.Data?.GetValueOrDefault("groupId"), out var groupId))
                {
                    onMemberAdded(user, groupId);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _stop.Dispose();
        _client.Dispose();
    }
}
