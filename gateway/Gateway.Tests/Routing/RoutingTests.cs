using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Routing;

/// <summary>
/// Identity is real; messaging and social-graph don't exist yet, so each is a real echo service
/// (it shows what reached it); files has no destination at all, as a service not deployed.
/// </summary>
public sealed class RoutingStack() : GatewayStack(identityInstances: 1, "messaging", "social-graph");

public sealed class RoutingTests(RoutingStack stack) : IClassFixture<RoutingStack>
{
    [Theory]
    [InlineData("/api/users/me")]
    [InlineData("/api/groups?member=me")]
    public async Task Identity_prefixes_reach_identity(string path)
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Well_known_keys_reach_identity_without_a_token()
    {
        var response = await stack.Anonymous().GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"kid\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/conversations/c1/messages?limit=5", "messaging")]
    [InlineData("/api/notifications", "messaging")]
    [InlineData("/api/relationships/followers?cursor=abc", "social-graph")]
    public async Task Other_prefixes_reach_their_service_with_path_and_token_unchanged(string path, string service)
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var echo = (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!;
        Assert.Equal(service, echo.Service);
        Assert.Equal(path, echo.Path);
        Assert.Equal($"Bearer {user.AccessToken}", echo.Authorization);
    }

    [Fact]
    public async Task A_service_not_deployed_answers_503_problem_details()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync("/api/files/f1");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("files", problem.Detail);
    }

    [Fact]
    public async Task A_service_that_drops_the_connection_gives_502_problem_details_not_a_bare_502()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync("/api/conversations?abort=true");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Contains("messaging", problem.Detail);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/apix/users")]
    public async Task Unknown_paths_answer_404_problem_details(string path)
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
