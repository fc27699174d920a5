using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Identity.Users;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Users;

public sealed class UserSearchPagingTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Walking_every_page_of_250_matching_users_returns_each_exactly_once()
    {
        var prefix = $"walk{Guid.NewGuid():N}"[..12];
        var expected = await SeedUsersAsync(prefix, 250);
        var reader = await app.NewUserAsync();

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await reader.Client.GetFromJsonAsync<PageDto<Profile>>(
                $"/api/users?query={prefix.ToUpperInvariant()}&limit=100&cursor={Uri.EscapeDataString(cursor ?? "")}");
            seen.AddRange(page!.Items.Select(p => p.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(250, seen.Count);
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Fact]
    public async Task A_page_stays_correct_when_users_are_added_before_the_cursor()
    {
        var prefix = $"ins{Guid.NewGuid():N}"[..12];
        var original = await SeedUsersAsync(prefix + "m", 30);
        var reader = await app.NewUserAsync();

        var first = await reader.Client.GetFromJsonAsync<PageDto<Profile>>($"/api/users?query={prefix}&limit=10");
        await SeedUsersAsync(prefix + "a", 5);
        var rest = new List<Guid>();
        var cursor = first!.NextCursor;
        while (cursor is not null)
        {
            var page = await reader.Client.GetFromJsonAsync<PageDto<Profile>>($"/api/users?query={prefix}&limit=10&cursor={Uri.EscapeDataString(cursor)}");
            rest.AddRange(page!.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        }

        Assert.Equal(original.Order(), first.Items.Select(p => p.Id).Concat(rest).Order());
    }

    [Fact]
    public async Task Search_matches_a_prefix_of_the_display_name_ignoring_case()
    {
        var prefix = $"case{Guid.NewGuid():N}"[..12];
        var hit = await app.NewUserAsync($"{prefix.ToUpperInvariant()} Explorer");
        await app.NewUserAsync($"Not {prefix}");

        var page = await hit.Client.GetFromJsonAsync<PageDto<Profile>>($"/api/users?query={prefix}");

        Assert.Equal([hit.Id], page!.Items.Select(p => p.Id));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Like_wildcards_in_the_query_match_only_themselves()
    {
        var user = await app.NewUserAsync();

        var page = await user.Client.GetFromJsonAsync<PageDto<Profile>>("/api/users?query=%25%25");

        Assert.Empty(page!.Items);
    }

    [Theory]
    [InlineData("limit=101")]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=many")]
    [InlineData("cursor=not-a-cursor")]
    public async Task Out_of_range_limits_and_unreadable_cursors_are_400_problems(string query)
    {
        var user = await app.NewUserAsync();

        var response = await user.Client.GetAsync($"/api/users?query=ab&{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Default_page_size_is_20()
    {
        var prefix = $"def{Guid.NewGuid():N}"[..12];
        await SeedUsersAsync(prefix, 25);
        var user = await app.NewUserAsync();

        var page = await user.Client.GetFromJsonAsync<PageDto<Profile>>($"/api/users?query={prefix}");

        Assert.Equal(20, page!.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    /// <summary>Inserted straight into the database: 250 sign-ups through the API would spend minutes hashing passwords.</summary>
    private async Task<List<Guid>> SeedUsersAsync(string prefix, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var users = Enumerable.Range(0, count).Select(i => new User
        {
            Email = $"{prefix}{i}@example.test",
            NormalizedEmail = $"{prefix}{i}@example.test",
            DisplayName = $"{prefix} {i % 7}",
            SearchName = $"{prefix} {i % 7}",
            PasswordHash = "not-usable",
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    }
}
