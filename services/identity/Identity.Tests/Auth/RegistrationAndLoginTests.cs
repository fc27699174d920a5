using System.Net;
using System.Net.Http.Json;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Auth;

public sealed class RegistrationAndLoginTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Registered_user_can_sign_in_and_read_their_account()
    {
        var user = await app.NewUserAsync("Ada Lovelace");

        var me = await user.Client.GetFromJsonAsync<Account>("/api/users/me");

        Assert.Equal(user.Id, me!.Id);
        Assert.Equal(user.Email, me.Email);
        Assert.Equal("Ada Lovelace", me.DisplayName);
    }

    [Fact]
    public async Task Register_answers_201_with_the_user_and_never_the_password_or_its_hash()
    {
        var email = $"new{Guid.NewGuid():N}@example.test";
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email, password = "a secret phrase", displayName = "Nellie Bly" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a secret phrase", body);
        var account = (await response.Content.ReadFromJsonAsync<Account>())!;
        Assert.Equal(email, account.Email);
        Assert.Equal($"/api/users/{account.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_returns_a_ten_minute_bearer_token_and_a_refresh_token()
    {
        var user = await app.NewUserAsync();

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        var token = (await response.Content.ReadFromJsonAsync<TokenDto>())!;
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(600, token.ExpiresIn);
        Assert.Equal(43, token.RefreshToken.Length);
        Assert.Equal(3, token.AccessToken.Split('.').Length);
    }

    [Fact]
    public async Task Email_is_unique_ignoring_case()
    {
        var user = await app.NewUserAsync();

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email = user.Email.ToUpperInvariant(), password = "another password", displayName = "Copycat" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sign_in_is_accepted_whatever_the_case_of_the_email()
    {
        var user = await app.NewUserAsync();

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email = user.Email.ToUpperInvariant(), password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        var user = await app.NewUserAsync();
        var anonymous = app.Anonymous();

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not the password" });
        var unknownEmail = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{Guid.NewGuid():N}@example.test", password = "whatever it is" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.Title, second.Title);
        Assert.Equal(first.Detail, second.Detail);
    }

    [Fact]
    public async Task Protected_routes_answer_401_problem_without_a_token()
    {
        var response = await app.Anonymous().GetAsync("/api/users/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_a_deleted_account_no_longer_reads_it()
    {
        var user = await app.NewUserAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);

        await (await user.Client.GetAsync("/api/users/me")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.PostAsJsonAsync("/api/groups", new { name = "Ghost trip" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
