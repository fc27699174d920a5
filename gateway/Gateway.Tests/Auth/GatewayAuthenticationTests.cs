using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Auth;

public sealed class AuthStack() : GatewayStack(identityInstances: 1, "messaging");

/// <summary>
/// The gateway itself refuses bad tokens: the messaging stand-in checks nothing, so a 401 on its
/// route can only come from the gateway.
/// </summary>
public sealed class GatewayAuthenticationTests(AuthStack stack) : IClassFixture<AuthStack>
{
    public static TheoryData<string> ProtectedPaths => ["/api/users/me", "/api/groups?member=me", "/api/conversations", "/api/files/f1"];

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Without_a_token_every_protected_route_answers_401_problem_details(string path)
    {
        var response = await stack.Anonymous().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task An_expired_token_signed_by_the_real_key_is_refused(string path)
    {
        var user = await stack.NewUserAsync();
        var expired = Tokens.SignExpiringAt(GatewayStack.Issuer, Tokens.FromPemFile(stack.SigningKeyPath), user.Id, DateTime.UtcNow.AddMinutes(-5));

        var response = await SendAsync(path, expired);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task A_token_signed_by_another_key_with_the_real_kid_is_refused(string path)
    {
        var user = await stack.NewUserAsync();

        var response = await SendAsync(path, Tokens.SignAsImpostor(GatewayStack.Issuer, Tokens.FromPemFile(stack.SigningKeyPath), user.Id));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_naming_a_key_identity_does_not_have_is_refused_with_401()
    {
        var user = await stack.NewUserAsync();
        await user.Client.GetAsync("/api/users/me"); // the gateway has the keys

        var response = await SendAsync("/api/users/me", Tokens.SignAsImpostor(GatewayStack.Issuer, Tokens.FromPemFile(stack.SigningKeyPath), user.Id, kid: "no-such-key"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_the_test_signs_with_the_real_key_passes_so_the_refusals_above_are_about_expiry_and_key()
    {
        var user = await stack.NewUserAsync();
        var valid = Tokens.SignExpiringAt(GatewayStack.Issuer, Tokens.FromPemFile(stack.SigningKeyPath), user.Id, DateTime.UtcNow.AddMinutes(5));

        var response = await SendAsync("/api/users/me", valid);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_login_well_known_health_and_docs_need_no_token()
    {
        var anonymous = stack.Anonymous();
        var email = $"u{Guid.NewGuid():N}@example.test";

        var register = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery", displayName = "Anon" });
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery" });

        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        foreach (var path in new[] { "/.well-known/openid-configuration", "/.well-known/jwks.json", "/health/live", "/health/ready", "/docs" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_token_reaches_the_service_unchanged()
    {
        var user = await stack.NewUserAsync();

        var echo = await user.Client.GetFromJsonAsync<EchoBackend.Echo>("/api/conversations");

        Assert.Equal($"Bearer {user.AccessToken}", echo!.Authorization);
    }

    private Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return stack.Anonymous().SendAsync(request);
    }
}
