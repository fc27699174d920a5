using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Testing;

/// <summary>
/// Publishes a signing key the way identity publishes its keys (discovery document and JWKS), so a
/// service running as a separate process validates tokens signed with it without identity running.
/// </summary>
public sealed class KeyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KeyServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<KeyServer> StartAsync(string issuer, ECDsaSecurityKey key)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = new Uri(address, "/jwks").ToString(),
        }));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key);
        app.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = jwk.Kid, ["alg"] = "ES256", ["use"] = "sig" } },
        }));
        await app.StartAsync();
        return new KeyServer(app, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
