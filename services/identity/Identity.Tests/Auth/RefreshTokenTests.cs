using System.Net;
using System.Net.Http.Json;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Auth;

public sealed class RefreshTokenTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_refresh_returns_a_working_access_token_and_a_new_refresh_token()
    {
        var user = await app.NewUserAsync();

        var refreshed = await RefreshAsync(user.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var tokens = (await refreshed.Content.ReadFromJsonAsync<TokenDto>())!;
        Assert.NotEqual(user.RefreshToken, tokens.RefreshToken);
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once()
    {
        var user = await app.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);

        var again = await RefreshAsync(user.RefreshToken);

        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family()
    {
        var user = await app.NewUserAsync();
        var stolen = user.RefreshToken;
        var next = await TokensFrom(await RefreshAsync(stolen));       // the owner refreshes
        var other = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        var otherSession = await TokensFrom(other);                      // another sign-in, another family

        await (await RefreshAsync(stolen)).AssertProblemAsync(HttpStatusCode.Unauthorized); // the thief replays

        await (await RefreshAsync(next.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherSession.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_is_idempotent()
    {
        var user = await app.NewUserAsync();
        var next = await TokensFrom(await RefreshAsync(user.RefreshToken));

        Assert.Equal(HttpStatusCode.NoContent, (await LogoutAsync(next.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await LogoutAsync(next.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await LogoutAsync("never-issued")).StatusCode);

        await (await RefreshAsync(next.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_every_sign_in_and_the_new_password_works()
    {
        var user = await app.NewUserAsync();
        var second = await TokensFrom(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }));

        var wrong = await user.Client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = "not it at all", newPassword = "a brand new secret" });
        await wrong.AssertValidationProblemAsync("currentPassword");
        var changed = await user.Client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = user.Password, newPassword = "a brand new secret" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await (await RefreshAsync(user.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(second.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "a brand new secret" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task A_deleted_accounts_refresh_token_is_refused()
    {
        var user = await app.NewUserAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);

        await (await RefreshAsync(user.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private Task<HttpResponseMessage> LogoutAsync(string refreshToken) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/logout", new { refreshToken });

    private static async Task<TokenDto> TokensFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenDto>())!;
    }
}
