using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = auth.Authority;
                options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                options.MapInboundClaims = false;
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
            });

        // Endpoints opt out with AllowAnonymous; forgetting to protect one is the costlier mistake.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build());
        return builder;
    }

    /// <summary>
    /// A validly signed token whose <c>sub</c> is missing or not a user id is refused (401) here,
    /// once, so no handler meets a caller without an id. Runs before any check a caller added.
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

            return next(context);
        };
    }
}
