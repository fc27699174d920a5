using System.Text.Json;
using Tripmate.Files.Tests.Infrastructure;

namespace Tripmate.Files.Tests.Platform;

/// <summary>The document the gateway shows on /docs has every route (readiness on the bucket: StoreOutageTests).</summary>
public sealed class OpenApiTests(FilesApp app) : IClassFixture<FilesApp>
{
    [Fact]
    public async Task The_OpenAPI_document_lists_every_route()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "/api/files", "/api/files/shared-with-me", "/api/files/{id}", "/api/files/{id}/content", "/api/files/{id}/download-url",
            "/api/files/{id}/shares", "/api/files/{id}/shares/users/{userId}", "/api/files/{id}/shares/groups/{groupId}",
            "/api/files/uploads", "/api/files/uploads/{id}",
        }, paths);
    }
}
