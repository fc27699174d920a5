using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Auth;

public sealed class RequestValidationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_json_is_a_400_problem_saying_where()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register", Json("""{"email": "a@b.test", "password": """));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not valid", problem.Detail);
    }

    [Fact]
    public async Task Missing_fields_are_a_400_problem_naming_each_field()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register", Json("""{"email": "someone@example.test"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("password", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("displayName", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_ten_thousand_character_name_is_a_400_problem()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email = $"long{Guid.NewGuid():N}@example.test", password = "long enough", displayName = new string('x', 10_000) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("displayName", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_wrong_typed_field_is_a_400_problem_naming_its_path()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register",
            Json("""{"email": "typed@example.test", "password": "long enough", "displayName": 42}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("displayName", problem.Detail);
    }

    [Fact]
    public async Task A_short_password_and_a_bad_email_are_400_problems()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email = "not-an-email", password = "short", displayName = "Shorty" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("password", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("email", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_name_of_spaces_alone_is_a_400_problem()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email = $"blank{Guid.NewGuid():N}@example.test", password = "long enough", displayName = "   " });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, key => key.Equals("displayName", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Rejected_input_stores_nothing()
    {
        var email = $"rejected{Guid.NewGuid():N}@example.test";
        await app.Anonymous().PostAsJsonAsync("/api/auth/register", new { email, password = "long enough", displayName = new string('x', 101) });

        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "long enough" });

        await login.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_routes_are_a_404_problem()
    {
        var user = await app.NewUserAsync();

        var response = await user.Client.GetAsync("/api/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
