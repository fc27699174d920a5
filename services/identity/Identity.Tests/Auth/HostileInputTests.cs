using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Auth;

/// <summary>The findings of the hardening probe (issue 10), each a 4xx problem now, never a 500.</summary>
public sealed class HostileInputTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Nul = "\u0000";

    [Fact]
    public async Task A_nul_in_any_text_reaching_postgresql_is_a_400_naming_the_field()
    {
        var user = await app.NewUserAsync();
        var anonymous = app.Anonymous();

        await (await anonymous.PostAsJsonAsync("/api/auth/register", new { email = $"n{Nul}@example.test", password = "long enough", displayName = "N" }))
            .AssertValidationProblemAsync("email");
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "x@example.test", password = $"pass{Nul}word" }))
            .AssertValidationProblemAsync("password");
        await (await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = $"bio{Nul}" })).AssertValidationProblemAsync("bio");
        await (await user.Client.PostAsJsonAsync("/api/groups", new { name = $"G{Nul}" })).AssertValidationProblemAsync("name");
        await (await user.Client.GetAsync("/api/users?query=ab%00")).AssertValidationProblemAsync("query");
        await (await user.Client.GetAsync("/api/users?query=ab&cursor=%00")).AssertValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_allowed_in_a_bio_but_not_in_a_name()
    {
        var user = await app.NewUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = "line one\n\tline two" })).StatusCode);
        await (await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Two\nLines" })).AssertValidationProblemAsync("displayName");
        await (await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = "bell\u0007" })).AssertValidationProblemAsync("bio");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/event-stream")]
    [InlineData("image/png")]
    public async Task A_client_error_is_a_problem_whatever_the_accept_header_says(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = new StringContent("""{"email": 7}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await app.Anonymous().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_even_for_an_anonymous_caller()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register", new StringContent("{}", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Problems_name_fields_never_dotnet_types()
    {
        var user = await app.NewUserAsync();
        var responses = new[]
        {
            await app.Anonymous().PostAsync("/api/auth/register", new StringContent("""{"email": 7}""", Encoding.UTF8, "application/json")),
            await app.Anonymous().PostAsync("/api/auth/register", new StringContent("[1]", Encoding.UTF8, "application/json")),
            await user.Client.GetAsync("/api/users?query=ab&limit=many"),
            await user.Client.PostAsync("/api/groups/00000000-0000-0000-0000-000000000001/members", new StringContent("""{"userId": "x"}""", Encoding.UTF8, "application/json")),
        };

        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("System.", body);
            Assert.DoesNotContain("Tripmate.", body);
            Assert.DoesNotContain("Int32", body);
        }
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("a@b.")]
    [InlineData("a@.b")]
    [InlineData("two@@example.test")]
    [InlineData("spaced out@example.test")]
    public async Task An_email_needs_a_domain_with_a_dot(string email)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register", new { email, password = "long enough", displayName = "E" });

        await response.AssertValidationProblemAsync("email");
    }

    [Theory]
    [InlineData("")]
    [InlineData("query=")]
    [InlineData("query=a")]
    public async Task A_user_search_needs_two_characters(string query)
    {
        var user = await app.NewUserAsync();

        var response = await user.Client.GetAsync($"/api/users?{query}");

        await response.AssertValidationProblemAsync("query");
    }

    [Fact]
    public async Task An_empty_limit_or_cursor_means_not_given()
    {
        var user = await app.NewUserAsync();

        var response = await user.Client.GetAsync("/api/groups?member=me&limit=&cursor=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_cursor_of_one_list_is_refused_by_another()
    {
        var user = await app.NewUserAsync();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/groups", new { name = $"G{i}" })).StatusCode);
        }

        var groups = await user.Client.GetFromJsonAsync<PageDto<GroupDto>>("/api/groups?member=me&limit=1");
        var groupId = groups!.Items[0].Id;
        Assert.NotNull(groups.NextCursor);

        var members = await user.Client.GetAsync($"/api/groups/{groupId}/members?cursor={groups.NextCursor}");

        await members.AssertValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task Head_answers_every_get_without_a_body()
    {
        var user = await app.NewUserAsync();

        var me = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/users/me"));
        var keys = await app.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/.well-known/jwks.json"));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Empty(await me.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task A_validly_signed_token_without_a_user_id_subject_is_a_401(string? subject)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SignWithAppKey(subject));

        var response = await client.GetAsync("/api/users/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_and_signed_in_health_answers_carry_the_status_alone_and_only_the_operator_port_names_the_checks()
    {
        var anonymous = await app.Anonymous().GetStringAsync("/health/ready");
        var signedIn = await (await app.NewUserAsync()).Client.GetStringAsync("/health/ready");
        using var operatorClient = app.Operator();
        var operatorView = await operatorClient.GetStringAsync("/health/ready");

        Assert.Equal("""{"status":"Healthy"}""", anonymous);
        Assert.Equal("""{"status":"Healthy"}""", signedIn);
        Assert.Contains("\"checks\"", operatorView);
    }

    // The app's key (with its thumbprint kid), so only the subject is wrong.
    private string SignWithAppKey(string? subject) => Testing.Tokens.SignWithSubject(IdentityApp.Issuer, Testing.Tokens.FromPemFile(app.KeyPath), subject);
}
