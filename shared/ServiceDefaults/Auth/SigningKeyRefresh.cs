using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.ServiceDefaults.Auth;

/// <summary>
/// A token signed with a key this instance has not seen yet (identity started signing with a new
/// one) is not refused: the keys are fetched at once and the token is validated again. The
/// standard path (JwtBearer's RefreshOnIssuerKeyNotFound) refuses that token and refreshes in the
/// background at most every 5 minutes, which turned a rotation into minutes of 401s. Fetches are
/// shared by concurrent requests and happen at most once per <see cref="MinimumInterval"/>, so a
/// flood of forged kids cannot make this instance hammer identity.
/// </summary>
public sealed class SigningKeyRefresh(TimeProvider clock)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private ICollection<SecurityKey> _keys = [];

    /// <summary>Handles <see cref="JwtBearerEvents.OnAuthenticationFailed"/>: a valid token under a new key authenticates after all.</summary>
    public async Task RetryWithFreshKeysAsync(AuthenticationFailedContext context)
    {
        if (context.Exception is not SecurityTokenSignatureKeyNotFoundException
            || context.Options.ConfigurationManager is null
            || BearerToken(context.Request) is not { } token)
        {
            return;
        }

        var keys = await FreshKeysAsync(context.Options, context.HttpContext.RequestAborted);
        var parameters = context.Options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = keys;
        var result = await context.Options.TokenHandlers.OfType<Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler>().First()
            .ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return;
        }

        // The checks every token passes (a user id, not revoked) run on this path too.
        var validated = new TokenValidatedContext(context.HttpContext, context.Scheme, context.Options)
        {
            Principal = new ClaimsPrincipal(result.ClaimsIdentity),
            SecurityToken = result.SecurityToken,
        };
        await context.Options.Events.TokenValidated(validated);
        if (validated.Result is { Failure: not null })
        {
            context.Fail(validated.Result.Failure);
            return;
        }

        context.Principal = validated.Principal;
        context.Success();
    }

    private async Task<ICollection<SecurityKey>> FreshKeysAsync(JwtBearerOptions options, CancellationToken ct)
    {
        var asked = clock.GetUtcNow();
        await _gate.WaitAsync(ct);
        try
        {
            // A fetch that began after this request asked serves it too.
            if (_fetchedAt >= asked || clock.GetUtcNow() - _fetchedAt < MinimumInterval)
            {
                return _keys;
            }

            var retriever = new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(options.MetadataAddress, retriever, ct);
            _keys = configuration.SigningKeys;
            _fetchedAt = clock.GetUtcNow();
            // The cached configuration catches up too, for the requests after this one.
            options.ConfigurationManager!.RequestRefresh();
            return _keys;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? BearerToken(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
}
