using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tripmate.Load.Http;
using Tripmate.Testing;

namespace Tripmate.Load.Tests;

/// <summary>
/// The tool's sign-ins against a small real server that issues tokens the way identity does (with
/// <c>iat</c> and <c>exp</c>), here living 4 seconds: a token is reused while young, and renewed
/// once half its life has passed (for a token this short; a minute before expiry for identity's
/// 10-minute ones), so runs longer than a token's life keep working.
/// </summary>
public sealed class SignInsTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_token_is_shared_while_young_and_renewed_after_half_its_life()
    {
        var logins = 0;
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/api/auth/login", () =>
        {
            Interlocked.Increment(ref logins);
            return Results.Json(new { accessToken = Token(Guid.Parse("0193a9a5-8f4e-7000-8000-000000000001")) });
        });
        await app.StartAsync();
        using var client = LoadHttp.CreateClient(new Uri($"http://127.0.0.1:{port}"));
        var signIns = new SignIns(client, "password");

        var first = await signIns.ForAsync("ann@example.test");
        var again = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => signIns.ForAsync("ann@example.test")));
        Assert.Equal(1, logins);
        Assert.All(again, a => Assert.Equal(first.Token, a.Token));

        await Task.Delay(Lifetime / 2 + TimeSpan.FromSeconds(1));
        var renewed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => signIns.ForAsync("ann@example.test")));
        Assert.Equal(2, logins);
        Assert.All(renewed, r => Assert.Equal(renewed[0].Token, r.Token));
        Assert.NotEqual(first.Token, renewed[0].Token);
    }

    /// <summary>A JWT's shape with a unique id; the tool reads its claims without validating them (the services do).</summary>
    private static string Token(Guid subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = JsonSerializer.SerializeToUtf8Bytes(new { sub = subject, iat = now, exp = now + (long)Lifetime.TotalSeconds, jti = Guid.NewGuid() });
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode(Encoding.UTF8.GetBytes("""{"alg":"none"}"""))}.{Encode(claims)}.";
    }
}
