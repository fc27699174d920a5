using System.Net;
using System.Text;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Messages;

/// <summary>Input the framework rejects before a handler runs still answers 4xx problem details, never 500.</summary>
public sealed class BadInputTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_body_in_an_unknown_charset_is_415_not_500()
    {
        var ada = app.NewUser();
        var content = new StringContent($$"""{"userId":"{{Guid.NewGuid()}}"}""", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=latin-9");

        var response = await ada.Client.PostAsync("/api/conversations/direct", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/conversations?limit=99999999999", "limit")]
    [InlineData("/api/notifications?unread=maybe", "unread")]
    [InlineData("/api/notifications?cursor=bnVsbA", "cursor")]
    public async Task Unbindable_query_values_are_400(string url, string what)
    {
        var response = await app.NewUser().Client.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(what, $"{problem.Detail} {string.Join(" ", problem.Errors?.Keys.ToArray() ?? [])}", StringComparison.OrdinalIgnoreCase);
    }
}
