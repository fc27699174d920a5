using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Identity.Tokens;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Tokens;

/// <summary>The rotation command, then a restart: the JWKS holds both keys and tokens of the old one still work.</summary>
public sealed class SigningKeyRotationTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = PostgresDatabase.NewName("identity_rotation");
    private readonly string _previousKeyPath = Path.Combine(Path.GetTempPath(), $"tripmate-identity-previous-{Guid.NewGuid():N}.pem");
    private IdentityApp _before = null!;

    public async Task InitializeAsync()
    {
        _before = new IdentityApp(_database);
        await _before.InitializeAsync();
    }

    [Fact]
    public async Task After_rotation_both_keys_are_published_and_a_token_of_the_old_key_still_works()
    {
        var user = await _before.NewUserAsync();
        var oldKid = await SingleKidAsync(_before);
        await _before.DisposeAsync();

        var output = new StringWriter();
        var exitCode = SigningKeyRotation.Run(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:SigningKeyPath"] = _before.KeyPath,
            ["Identity:PreviousSigningKeyPath"] = _previousKeyPath,
        }).Build(), output);
        Assert.True(exitCode == 0, output.ToString());

        await using var after = new RotatedIdentityApp(_database, _before.KeyPath, _previousKeyPath);
        await after.InitializeAsync();
        using var jwks = JsonDocument.Parse(await after.Anonymous().GetStringAsync("/.well-known/jwks.json"));
        var kids = jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Equal(2, kids.Count);
        Assert.Contains(oldKid, kids);

        using var oldToken = after.Anonymous();
        oldToken.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await oldToken.GetAsync("/api/users/me")).StatusCode);
        var fresh = await after.NewUserAsync();
        Assert.NotEqual(oldKid, KidOf(fresh.AccessToken));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        File.Delete(_before.KeyPath);
        File.Delete(_previousKeyPath);
    }

    private static async Task<string?> SingleKidAsync(IdentityApp app)
    {
        using var jwks = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/.well-known/jwks.json"));
        return jwks.RootElement.GetProperty("keys").EnumerateArray().Single().GetProperty("kid").GetString();
    }

    private static string? KidOf(string jwt)
    {
        var header = jwt.Split('.')[0];
        var json = Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/').PadRight((header.Length + 3) / 4 * 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("kid").GetString();
    }

    private sealed class RotatedIdentityApp(PostgresDatabase database, string keyPath, string previousKeyPath) : IdentityApp(database, keyPath)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Identity:PreviousSigningKeyPath", previousKeyPath);
        }
    }
}
