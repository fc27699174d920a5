using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates bearer tokens against identity's published keys (fetched from the authority's
    /// discovery document, cached, and re-fetched when a token names an unknown <c>kid</c>).
    /// No shared secret exists anywhere. Identity itself passes <paramref name="configure"/> to
    /// use its own keys directly instead of calling itself over HTTP.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(
        this IHostApplicationBuilder builder, Action<JwtBearerOptions>? configure = null)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SigningKeyRefresh>();
        builder.AddRevocationList(auth);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = auth.Authority;
                options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                // Re-read as often as the library allows (5 min), so keys identity publishes ahead of
                // their use (its pre-publication window, longer than this) are known here before the
                // first token they sign; an unknown kid is fetched at once anyway (SigningKeyRefresh).
                options.AutomaticRefreshInterval = BaseConfigurationManager.MinimumAutomaticRefreshInterval;
                options.RefreshInterval = SigningKeyRefresh.MinimumInterval;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "name",
                };
                configure?.Invoke(options);
                RequireUserIdSubject(options);
                RetryUnknownKeys(options);
            });

        // Endpoints opt out with AllowAnonymous; forgetting to protect one is the costlier mistake.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build());
        return builder;
    }

    /// <summary>
    /// A validly signed token whose <c>sub</c> is missing or not a user id, or that the revocation
    /// list names (a deleted account, an ended sign-in), is refused (401) here, once, so no handler
    /// meets such a caller. Runs before any check a caller added.
    /// </summary>
    private static void RequireUserIdSubject(JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var next = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = context =>
        {
            if (context.Principal?.TryGetUserId(out _) != true)
            {
                context.Fail("The token's subject is not a user id.");
                return Task.CompletedTask;
            }

            if (context.HttpContext.RequestServices.GetRequiredService<RevocationList>().IsRevoked(context.Principal))
            {
                context.Fail("The token was revoked: its account was deleted or its sign-in ended.");
                return Task.CompletedTask;
            }

            return next(context);
        };
    }

    private static void RetryUnknownKeys(JwtBearerOptions options)
    {
        var next = options.Events.OnAuthenticationFailed;
        options.Events.OnAuthenticationFailed = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<SigningKeyRefresh>().RetryWithFreshKeysAsync(context);
            if (context.Result is null)
            {
                await next(context);
            }
        };
    }

    /// <summary>
    /// The revocation list every instance checks, fed by identity's events and read from
    /// <see cref="IRevocationSource"/> (identity's list at <c>Auth:Authority</c>, unless the
    /// service registered its own source first, as identity does).
    /// </summary>
    private static void AddRevocationList(this IHostApplicationBuilder builder, AuthOptions auth)
    {
        builder.Services.Configure<RevocationOptions>(builder.Configuration.GetSection(RevocationOptions.Section));
        builder.Services.TryAddSingleton<RevocationList>();
        builder.Services.AddHostedService<RevocationSync>();
        if (auth.Authority is { Length: > 0 } authority)
        {
            builder.Services.AddHttpClient<IdentityRevocationSource>(http => http.BaseAddress = new Uri(authority.TrimEnd('/') + "/"));
            builder.Services.TryAddSingleton<IRevocationSource>(services => services.GetRequiredService<IdentityRevocationSource>());
        }
    }
}
