using System.Net.Http.Headers;
using System.Threading.Channels;

namespace Tripmate.Testing;

/// <summary>
/// Reads a text/event-stream response line by line, as a browser's EventSource would. Free of any
/// test framework: a stream that does not open as expected throws, naming what it got instead.
/// </summary>
public sealed class ServerSentEventsClient : IAsyncDisposable
{
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>();
    private readonly Channel<string> _comments = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    private ServerSentEventsClient(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    public sealed record ServerSentEvent(string? Id, string? Type, string Data);

    public HttpResponseMessage Response => _response;

    /// <summary>Connects and waits for the stream's first comment, after which the server is subscribed.</summary>
    public static async Task<ServerSentEventsClient> ConnectAsync(
        HttpClient client, string? lastEventId = null, string path = "/api/notifications/stream")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new HttpRequestException($"The stream at {path} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }

        var stream = new ServerSentEventsClient(response);
        var first = await stream.NextCommentAsync(TimeSpan.FromSeconds(10));
        if (first != "connected")
        {
            await stream.DisposeAsync();
            throw new InvalidOperationException($"The stream at {path} began with the comment '{first}', not 'connected'.");
        }

        return stream;
    }

    public Task<ServerSentEvent> NextEventAsync(TimeSpan timeout) => NextAsync(_events.Reader, timeout, "event");

    /// <summary>True when no event arrives within <paramref name="wait"/> (used only to show an absence).</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            await _events.Reader.WaitToReadAsync(deadline.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public Task<string> NextCommentAsync(TimeSpan timeout) => NextAsync(_comments.Reader, timeout, "comment");

    /// <summary>Waits for the server to end the stream.</summary>
    public Task WaitForEndAsync(TimeSpan timeout) => _reading.WaitAsync(timeout);

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No {what} arrived on the stream within {timeout.TotalSeconds:0.###} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The stream ended before the next {what} arrived.");
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            string? id = null, type = null, data = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data is not null)
                    {
                        _events.Writer.TryWrite(new ServerSentEvent(id, type, data));
                    }

                    (id, type, data) = (null, null, null);
                }
                else if (line.StartsWith(':'))
                {
                    _comments.Writer.TryWrite(line[1..].Trim());
                }
                else if (line.Split(':', 2) is [var field, var value])
                {
                    value = value.StartsWith(' ') ? value[1..] : value;
                    switch (field)
                    {
                        case "id": id = value; break;
                        case "event": type = value; break;
                        case "data": data = data is null ? value : $"{data}\n{value}"; break;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stream ended or was closed by the test.
        }
        finally
        {
            _events.Writer.TryComplete();
            _comments.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
