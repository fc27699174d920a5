using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Tripmate.Load.Http;

/// <summary>
/// Access tokens by e-mail, each signed in once (sign-in hashes a password on purpose, so it is
/// the costliest request there is) and shared by every request made as that user, until a minute
/// before the token expires (or half its life, if that is shorter): then the next caller signs in
/// again (a full-size seed outlasts identity's 10-minute tokens).
/// </summary>
public sealed class SignIns(HttpClient gateway, string password)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SignedIn>>> _tokens = new();

    private sealed record SignedIn(Guid Id, string Token, DateTimeOffset RenewAfter);

    public async Task<(Guid Id, string Token)> ForAsync(string email)
    {
        var entry = _tokens.GetOrAdd(email, NewSignIn);
        var signedIn = await entry.Value;
        if (DateTimeOffset.UtcNow >= signedIn.RenewAfter)
        {
            // One caller replaces the entry; callers racing it take its replacement.
            var renewed = NewSignIn(email);
            signedIn = await (_tokens.TryUpdate(email, renewed, entry) ? renewed : _tokens[email]).Value;
        }

        return (signedIn.Id, signedIn.Token);
    }

    private Lazy<Task<SignedIn>> NewSignIn(string email) => new(() => SignInAsync(email));

    // Setup, not measurement: a server error on a busy machine is retried twice before giving up.
    private async Task<SignedIn> SignInAsync(string email)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, token) = await gateway.SendForJsonAsync<TokenDto>(
                LoadHttp.Request(HttpMethod.Post, "/api/auth/login", json: new { email, password }), CancellationToken.None);
            RateLimited.ThrowIf(outcome.Status);
            if (outcome.Status >= 500 && attempt < 3)
            {
                await Task.Delay(500 * attempt);
                continue;
            }

            return Accept(email, outcome.Status, token);
        }
    }

    private static SignedIn Accept(string email, int status, TokenDto? token)
    {
        if (token is null)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {status}.");
        }

        using var claims = ClaimsOf(token.AccessToken);
        var (issued, expires) = (claims.RootElement.GetProperty("iat").GetInt64(), claims.RootElement.GetProperty("exp").GetInt64());
        // A minute before it expires (half its life, if shorter): sign-ins cost, so not more often than needed.
        var margin = Math.Min(60, (expires - issued) / 2);
        return new SignedIn(SubjectOf(token.AccessToken), token.AccessToken, DateTimeOffset.FromUnixTimeSeconds(expires - margin));
    }

    /// <summary>The user id a token was issued to (its <c>sub</c>), read without validating: the services validate it.</summary>
    public static Guid SubjectOf(string jwt)
    {
        using var claims = ClaimsOf(jwt);
        return claims.RootElement.GetProperty("sub").GetGuid();
    }

    private static JsonDocument ClaimsOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
    }
}

/// <summary>The gateway's rate limit stopped a seeding or setup request: say how to lift it for such a run, instead of crawling.</summary>
public sealed class RateLimited(string message) : Exception(message)
{
    public const string Advice =
        "The gateway's rate limit answered 429. Seeding and load runs need it lifted for the run: `./dev seed` does that itself " +
        "(it restarts the gateway with RateLimiting__Strict__PermitLimit and RateLimiting__General__PermitLimit raised; `./dev up` restores the defaults), " +
        "or start it so: RateLimiting__General__PermitLimit=100000000 RateLimiting__Strict__PermitLimit=1000000 ./dev up";

    public static void ThrowIf(int status)
    {
        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            throw new RateLimited(Advice);
        }
    }
}
