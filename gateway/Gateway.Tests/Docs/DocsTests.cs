using System.Net;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Docs;

/// <summary>Messaging is an echo service without a document; files is not deployed. Both are left out.</summary>
public sealed class DocsStack() : GatewayStack(identityInstances: 1, "messaging");

public sealed class DocsTests(DocsStack stack) : IClassFixture<DocsStack>
{
    [Fact]
    public async Task The_identity_document_is_served_through_the_gateway()
    {
        var response = await stack.Anonymous().GetAsync("/openapi/identity.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/users/me", out _));
    }

    [Fact]
    public async Task The_identity_document_served_by_the_gateway_passes_redocly_lint() =>
        await OpenApiLint.AssertValidAsync(await stack.Anonymous().GetStringAsync("/openapi/identity.json"));

    [Theory]
    [InlineData("files")]
    [InlineData("messaging")]
    [InlineData("nothing")]
    public async Task A_service_without_an_available_document_answers_404_problem_details(string service)
    {
        var response = await stack.Anonymous().GetAsync($"/openapi/{service}.json");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_docs_page_lists_the_services_that_have_a_document()
    {
        var response = await stack.Anonymous().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        // Scalar resolves these against the site root, so they are the routes tested above.
        Assert.Contains("\"url\":\"openapi/identity.json\"", page);
        Assert.DoesNotContain("openapi/messaging.json", page);
        Assert.DoesNotContain("openapi/files.json", page);
        // The page's script is served by the gateway itself, not fetched from a CDN.
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous().GetAsync("/docs/scalar.js")).StatusCode);
    }
}
