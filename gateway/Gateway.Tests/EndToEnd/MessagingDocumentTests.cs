using System.Net;
using System.Text.Json;
using Tripmate.Gateway.Tests.Docs;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>Messaging's OpenAPI document, as the gateway serves it from a real messaging instance.</summary>
[Collection(MessagingStackCollection.Name)]
public sealed class MessagingDocumentTests(MessagingStack stack)
{
    [Fact]
    public async Task The_messaging_document_is_served_through_the_gateway_and_passes_redocly_lint()
    {
        var response = await stack.Anonymous().GetAsync("/openapi/messaging.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        using (var parsed = JsonDocument.Parse(document))
        {
            Assert.True(parsed.RootElement.GetProperty("paths").TryGetProperty("/api/conversations/{id}/messages", out _));
        }

        await OpenApiLint.AssertValidAsync(document);
    }

    [Fact]
    public async Task The_docs_page_lists_messaging_beside_identity()
    {
        var page = await stack.Anonymous().GetStringAsync("/docs");

        Assert.Contains("\"url\":\"openapi/messaging.json\"", page);
        Assert.Contains("\"url\":\"openapi/identity.json\"", page);
    }
}
