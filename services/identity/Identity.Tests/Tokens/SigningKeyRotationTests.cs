using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Identity.Tokens;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Tokens;

/// <summary>
/// Rotation by time: a new key is published before it signs, signs from its moment, and the old
/// one stays published until its last token has expired; running instances follow without a restart.
/// </summary>
public sealed class SigningKeyRotationTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-keys-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_new_key_is_published_for_the_window_before_it_signs_and_the_old_one_until_its_tokens_expire()
    {
        var keys = new SigningKeys(Options.Create(new IssuingOptions
        {
            SigningKeysDirectory = _directory, CreateSigningKeyIfMissing = true, TokenLifetime = Lifetime,
        }), _clock);
        var old = keys.Current.KeyId;

        Assert.Equal(0, Rotate(prePublication: TimeSpan.FromMinutes(2)));
        _clock.Advance(SigningKeys.ReloadInterval);

        var published = keys.Published.Select(k => k.KeyId).ToList();
        Assert.Equal(2, published.Count);
        Assert.Equal(old, keys.Current.KeyId);
        var next = Assert.Single(published, kid => kid != old);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(next, keys.Current.KeyId);
        Assert.Contains(old, keys.Published.Select(k => k.KeyId));

        // Now 2 s past the new key's moment: its predecessor retires a token lifetime and the skew after that moment.
        _clock.Advance(Lifetime + SigningKeys.ClockSkew - TimeSpan.FromSeconds(3));
        Assert.Contains(old, keys.Published.Select(k => k.KeyId));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([next], keys.Published.Select(k => k.KeyId));

        // The next rotation deletes the retired key's file.
        Assert.Equal(0, Rotate(prePublication: TimeSpan.FromMinutes(2)));
        Assert.Equal(2, Directory.GetFiles(_directory, "*.pem").Length);
    }

    [Fact]
    public async Task A_running_instance_publishes_and_then_signs_with_the_new_key_without_a_restart_and_old_tokens_still_work()
    {
        var app = new IdentityApp();
        app.With("Identity:SigningKeysDirectory", _directory);
        await using var stop = new Disposer(app);
        await app.InitializeAsync();
        var before = await app.NewUserAsync();
        var oldKid = KidOf(before.AccessToken);

        var output = new StringWriter();
        Assert.True(SigningKeyRotation.Run(Configuration(TimeSpan.FromSeconds(4)), output) == 0, output.ToString());

        var kids = await Eventually.WaitForAsync(() => PublishedKidsAsync(app), k => k.Count == 2, TimeSpan.FromSeconds(10), "the new key to be published");
        var newKid = Assert.Single(kids, kid => kid != oldKid);
        var after = await Eventually.WaitForAsync(() => app.NewUserAsync(), u => KidOf(u.AccessToken) == newKid,
            TimeSpan.FromSeconds(15), "the new key to sign");

        Assert.Equal(HttpStatusCode.OK, (await before.Client.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.Client.GetAsync("/api/users/me")).StatusCode);
        Assert.Contains(oldKid, await PublishedKidsAsync(app));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Stops the app and drops its database (WebApplicationFactory's own DisposeAsync keeps the database).</summary>
    private sealed class Disposer(IAsyncLifetime app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    private int Rotate(TimeSpan prePublication) =>
        SigningKeyRotation.Run(Configuration(prePublication), new StringWriter(), _clock);

    private IConfiguration Configuration(TimeSpan prePublication) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Identity:SigningKeysDirectory"] = _directory,
        ["Identity:KeyPrePublication"] = prePublication.ToString(),
        ["Identity:TokenLifetime"] = Lifetime.ToString(),
    }).Build();

    private static async Task<List<string?>> PublishedKidsAsync(IdentityApp app)
    {
        using var jwks = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/.well-known/jwks.json"));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString())];
    }

    internal static string? KidOf(string jwt)
    {
        var header = jwt.Split('.')[0];
        var json = Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/').PadRight((header.Length + 3) / 4 * 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("kid").GetString();
    }
}
