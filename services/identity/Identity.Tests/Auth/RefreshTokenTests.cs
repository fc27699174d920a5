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
    public async Task A_refresh_token_works_once_for_any_other_client()
    {
        var user = await app.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);

        var again = await RefreshAsync(user.RefreshToken, userAgent: "another browser");

        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_from_another_client_revokes_the_whole_family()
    {
        var user = await app.NewUserAsync();
        var stolen = user.RefreshToken;
        var next = await TokensFrom(await RefreshAsync(stolen));       // the owner refreshes
        var other = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        var otherSession = await TokensFrom(other);                      // another sign-in, another family

        await (await RefreshAsync(stolen, userAgent: "thief")).AssertProblemAsync(HttpStatusCode.Unauthorized); // the thief replays

        await (await RefreshAsync(next.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherSession.RefreshToken)).StatusCode);
    }

    /// <summary>Two tabs (here six) refreshing one token at once: one exchange, one answer for all, and it works.</summary>
    [Fact]
    public async Task Six_simultaneous_refreshes_of_one_token_all_get_the_same_pair_and_the_pair_works()
    {
        for (var round = 0; round < 5; round++)
        {
            var user = await app.NewUserAsync();
            using var start = new SemaphoreSlim(0);
            var refreshes = Enumerable.Range(0, 6).Select(async _ =>
            {
                await start.WaitAsync();
                return await RefreshAsync(user.RefreshToken);
            }).ToList();
            start.Release(6);

            var answers = await Task.WhenAll(refreshes.Select(async r => await TokensFrom(await r)));

            Assert.Single(answers.Select(a => (a.AccessToken, a.RefreshToken)).Distinct());
            using var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new("Bearer", answers[0].AccessToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(answers[0].RefreshToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Logging_out_ends_the_sign_ins_access_tokens_at_once_and_no_other()
    {
        var user = await app.NewUserAsync();
        var other = await TokensFrom(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/users/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await LogoutAsync(user.RefreshToken)).StatusCode);
        var ended = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.WaitForAsync(() => user.Client.GetAsync("/api/users/me"), r => r.StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the ended sign-in's access token to be refused");

        Assert.True(ended.Elapsed < TimeSpan.FromSeconds(1), $"Refused only after {ended.ElapsedMilliseconds} ms.");
        using var stillSignedIn = app.Anonymous();
        stillSignedIn.DefaultRequestHeaders.Authorization = new("Bearer", other.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await stillSignedIn.GetAsync("/api/users/me")).StatusCode);
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

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken, string? userAgent = null)
    {
        var client = app.Anonymous();
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent.Replace(' ', '-'));
        }

        return client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }

    private Task<HttpResponseMessage> LogoutAsync(string refreshToken) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/logout", new { refreshToken });

    private static async Task<TokenDto> TokensFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenDto>())!;
    }
}

/// <summary>The grace window ends: the same client repeating a spent token after it ends the sign-in, as reuse always did.</summary>
public sealed class RefreshGraceWindowTests : IAsyncLifetime
{
    private readonly IdentityApp _app = new();

    public Task InitializeAsync()
    {
        _app.With("Identity:RefreshReuseGrace", "00:00:03");
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Repeating_a_spent_token_after_the_window_revokes_the_family()
    {
        var user = await _app.NewUserAsync();
        var first = await _app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var next = (await first.Content.ReadFromJsonAsync<TokenDto>())!;
        var within = await _app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.True(within.IsSuccessStatusCode, await within.Content.ReadAsStringAsync());
        Assert.Equal(next.RefreshToken, (await within.Content.ReadFromJsonAsync<TokenDto>())!.RefreshToken);

        await Task.Delay(TimeSpan.FromSeconds(4));
        var after = await _app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next.RefreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
