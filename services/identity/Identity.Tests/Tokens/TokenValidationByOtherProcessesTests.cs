using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Identity.Tokens;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Identity.Tests.Tokens;

/// <summary>Other services hold no secret: they validate identity's tokens from its published keys alone.</summary>
public sealed class TokenValidationByOtherProcessesTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_separate_node_process_verifies_the_token_from_the_jwks_alone()
    {
        var user = await app.NewUserAsync();

        var (exitCode, output) = await RunNodeVerifierAsync(user.AccessToken);

        Assert.True(exitCode == 0, output);
        Assert.Equal(user.Id.ToString(), JsonDocument.Parse(output).RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task The_node_verifier_rejects_a_token_whose_payload_was_altered()
    {
        var user = await app.NewUserAsync();
        var parts = user.AccessToken.Split('.');
        var forged = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement.GetRawText()
            .Replace(user.Id.ToString(), Guid.NewGuid().ToString());

        var (exitCode, output) = await RunNodeVerifierAsync($"{parts[0]}.{Base64UrlEncoder.Encode(forged)}.{parts[2]}");

        Assert.True(exitCode == 1, output);
        Assert.Contains("signature", output);
    }

    [Fact]
    public async Task A_service_using_the_shared_defaults_accepts_identity_tokens_by_fetching_the_jwks()
    {
        var user = await app.NewUserAsync();
        await using var service = await StartServiceUsingSharedAuthAsync();

        var response = await service.Client(user.AccessToken).GetAsync("/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Id.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_service_rejects_a_token_signed_by_another_key_even_with_the_same_kid()
    {
        var user = await app.NewUserAsync();
        await using var service = await StartServiceUsingSharedAuthAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var impostor = new ECDsaSecurityKey(otherKey) { KeyId = app.Services.GetRequiredService<SigningKeys>().Current.SecurityKey.KeyId };

        var token = CreateToken(user.Id, impostor, expires: DateTime.UtcNow.AddMinutes(10));
        var response = await service.Client(token).GetAsync("/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_service_rejects_an_expired_token_signed_by_the_real_key()
    {
        var user = await app.NewUserAsync();
        await using var service = await StartServiceUsingSharedAuthAsync();

        var token = CreateToken(user.Id, app.Services.GetRequiredService<SigningKeys>().Current.SecurityKey, expires: DateTime.UtcNow.AddMinutes(-5));
        var expired = await service.Client(token).GetAsync("/whoami");
        var fresh = await service.Client(CreateToken(user.Id, app.Services.GetRequiredService<SigningKeys>().Current.SecurityKey, DateTime.UtcNow.AddMinutes(5)))
            .GetAsync("/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    private static string CreateToken(Guid userId, SecurityKey key, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IdentityApp.Issuer,
            Audience = "tripmate-api",
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

    private async Task<(int ExitCode, string Output)> RunNodeVerifierAsync(string token)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "jwks-verify.mjs");
        var start = new ProcessStartInfo("node", [script, app.BaseAddress.ToString(), token, IdentityApp.Issuer, "tripmate-api"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (node.ExitCode, (await output + await error).Trim());
    }

    /// <summary>A stand-in for any other service: nothing but the shared defaults, pointed at identity's URL.</summary>
    private async Task<OtherService> StartServiceUsingSharedAuthAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Auth:Authority"] = app.BaseAddress.ToString();
        builder.Configuration["Auth:Issuer"] = IdentityApp.Issuer;
        builder.Configuration["Auth:RequireHttpsMetadata"] = "false";
        builder.AddDefaultAuthentication();
        var service = builder.Build();
        service.UseAuthentication();
        service.UseAuthorization();
        service.MapGet("/whoami", (ClaimsPrincipal user) => user.GetUserId().ToString());
        await service.StartAsync();
        var address = service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OtherService(service, new Uri(address));
    }

    private sealed record OtherService(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public HttpClient Client(string token) => new()
        {
            BaseAddress = Address,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
