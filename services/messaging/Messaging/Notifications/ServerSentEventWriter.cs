using System.IO.Pipelines;
using System.Text;

namespace Tripmate.Messaging.Notifications;

/// <summary>The text/event-stream format: fields a line each, an empty line ends an event, ':' starts a comment.</summary>
internal sealed class ServerSentEventWriter(PipeWriter pipe)
{
    /// <summary><paramref name="data"/> must be one line; compact JSON is.</summary>
    public void Event(string id, string type, string data) => Write($"id: {id}\nevent: {type}\ndata: {data}\n\n");

    public void Comment(string text) => Write($": {text}\n\n");

    /// <summary>How long a client waits before reconnecting after the stream ends.</summary>
    public void Retry(TimeSpan after) => Write($"retry: {(long)after.TotalMilliseconds}\n\n");

    public async Task FlushAsync(CancellationToken cancellationToken) => await pipe.FlushAsync(cancellationToken);

    private void Write(string text) => Encoding.UTF8.GetBytes(text, pipe);
}
