using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Infrastructure;

/// <summary>
/// The identity service on real Kestrel, a private PostgreSQL database and the real RabbitMQ.
/// One per test class; every test still makes its own users, so tests never share data.
/// </summary>
public class IdentityApp : ServiceApp<Program>
{
    public const string Issuer = "tripmate-identity-tests";

    private readonly PostgresDatabase _database;

    public IdentityApp() : this(PostgresDatabase.NewName("identity"))
    {
    }

    /// <summary>Several apps may share one database (and a signing key), as several instances of the service do.</summary>
    internal IdentityApp(PostgresDatabase database, string? keyPath = null)
    {
        _database = database;
        KeyPath = keyPath ?? KeyPath;
        With("ConnectionStrings:Identity", _database.ConnectionString);
        With("ConnectionStrings:RabbitMq", TestServers.RabbitMq);
        With("Identity:SigningKeyPath", KeyPath);
        With("Identity:CreateSigningKeyIfMissing", "true");
        With("Auth:Issuer", Issuer);
        // Fast retries keep outage tests short; production keeps the defaults.
        With("Outbox:MaxRetryDelay", "00:00:01");
        With("Outbox:PublishTimeout", "00:00:03");
    }

    /// <summary>The PEM file of the key this app signs with (created on first start).</summary>
    public string KeyPath { get; } = Path.Combine(Path.GetTempPath(), $"tripmate-identity-{Guid.NewGuid():N}.pem");

    public string ConnectionString => _database.ConnectionString;

    protected override async Task DisposeResourcesAsync()
    {
        await _database.DisposeAsync();
        File.Delete(KeyPath);
    }

    /// <summary>Registers a new user and returns a client signed in as them.</summary>
    public async Task<TestUser> NewUserAsync(string? displayName = null)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        var anonymous = Anonymous();
        var register = await anonymous.PostAsJsonAsync("/api/auth/register",
            new { email, password, displayName = displayName ?? $"Traveller {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var account = (await register.Content.ReadFromJsonAsync<Account>())!;

        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<TokenDto>())!;

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new TestUser(account.Id, email, password, token.AccessToken, client, token.RefreshToken);
    }
}

public sealed record TestUser(Guid Id, string Email, string Password, string AccessToken, HttpClient Client, string RefreshToken);

public sealed record Account(Guid Id, string Email, string DisplayName, string? Bio, DateTimeOffset CreatedAt);

public sealed record TokenDto(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshTokenExpiresIn);

public sealed record Profile(Guid Id, string DisplayName, string? Bio, DateTimeOffset CreatedAt);

public sealed record GroupDto(Guid Id, string Name, string? Description, Guid OwnerId, DateTimeOffset CreatedAt, string MyRole);

public sealed record MemberDto(Guid UserId, string DisplayName, string Role, DateTimeOffset JoinedAt);

public sealed record PageDto<T>(List<T> Items, string? NextCursor);
