using System.Net;
using System.Net.Http.Json;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Users;

public sealed class ProfileTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Public_profile_shows_name_bio_and_creation_but_not_the_email()
    {
        var owner = await app.NewUserAsync("Isabella Bird");
        var reader = await app.NewUserAsync();

        var response = await reader.Client.GetAsync($"/api/users/{owner.Id}");

        var profile = (await response.Content.ReadFromJsonAsync<Profile>())!;
        Assert.Equal("Isabella Bird", profile.DisplayName);
        Assert.DoesNotContain(owner.Email, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given_and_an_empty_bio_clears_it()
    {
        var user = await app.NewUserAsync("Before");

        await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = "Sailed round the world" });
        var renamed = await (await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "After" }))
            .Content.ReadFromJsonAsync<Account>();
        Assert.Equal("After", renamed!.DisplayName);
        Assert.Equal("Sailed round the world", renamed.Bio);

        var cleared = await (await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = "" })).Content.ReadFromJsonAsync<Account>();
        Assert.Null(cleared!.Bio);
        Assert.Equal("After", cleared.DisplayName);
    }

    [Fact]
    public async Task Patch_with_an_over_long_bio_is_a_400_and_changes_nothing()
    {
        var user = await app.NewUserAsync("Unchanged");

        var response = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Changed", bio = new string('b', 1001) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var me = await user.Client.GetFromJsonAsync<Account>("/api/users/me");
        Assert.Equal("Unchanged", me!.DisplayName);
    }

    [Fact]
    public async Task Unknown_user_id_is_a_404_problem()
    {
        var user = await app.NewUserAsync();

        var response = await user.Client.GetAsync($"/api/users/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
