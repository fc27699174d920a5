using System.Net;
using System.Net.Http.Json;

namespace Tripmate.Load.Messaging;

/// <summary>
/// Message sends and page reads against the messaging service (on whatever store it runs: the
/// embedded SQLite one under `./dev up`). Each worker has its own pair of users and direct
/// conversation, so sends contend only in the store, as in real traffic.
/// </summary>
public sealed class MessagingScenarios(HttpClient http, Accounts accounts, int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<LoadResult> SendAsync()
    {
        var conversations = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => NewConversationAsync($"sender{w}")));
        return await LoadRun.RunAsync("send", concurrency, warmUp, duration, async (worker, iteration) =>
        {
            var (sender, conversationId) = conversations[worker];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
            {
                Content = JsonContent.Create(new { text = $"message {iteration} from worker {worker}" }),
            };
            request.Headers.Authorization = sender.Authorization;
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Created;
        });
    }

    /// <summary>Pages of 50, newest first, each worker walking back through a 2,000-message history and starting over.</summary>
    public async Task<LoadResult> ReadPagesAsync(int history = 2000, int pageSize = 50)
    {
        var (reader, conversationId) = await NewConversationAsync("reader");
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; i < history; i += concurrency)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
                {
                    Content = JsonContent.Create(new { text = $"history {i}" }),
                };
                request.Headers.Authorization = reader.Authorization;
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        }));

        var cursors = new string?[concurrency];
        return await LoadRun.RunAsync("page-read", concurrency, warmUp, duration, async (worker, _) =>
        {
            var before = cursors[worker] is { } cursor ? $"&before={Uri.EscapeDataString(cursor)}" : "";
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{conversationId}/messages?limit={pageSize}{before}");
            request.Headers.Authorization = reader.Authorization;
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            var page = await response.Content.ReadFromJsonAsync<MessagePage>();
            cursors[worker] = page!.NextCursor;
            return page.Items.Count > 0;
        });
    }

    private async Task<(SignedInUser Sender, Guid ConversationId)> NewConversationAsync(string label)
    {
        var sender = await accounts.SignInNewAsync(label);
        var other = await accounts.RegisterAsync($"{label}-peer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/conversations/direct")
        {
            Content = JsonContent.Create(new { userId = other.Id }),
        };
        request.Headers.Authorization = sender.Authorization;
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var conversation = (await response.Content.ReadFromJsonAsync<ConversationRef>())!;
        return (sender, conversation.Id);
    }

    private sealed record ConversationRef(Guid Id);

    private sealed record MessagePage(List<object> Items, string? NextCursor);
}
