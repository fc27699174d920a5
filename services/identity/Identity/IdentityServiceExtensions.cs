using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.Identity.Auth;
using Tripmate.Identity.Events;
using Tripmate.Identity.Groups;
using Tripmate.Identity.Tokens;
using Tripmate.Identity.Users;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Identity;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddIdentityBus();

        builder.Services.Configure<IssuingOptions>(builder.Configuration.GetSection(IssuingOptions.Section));
        builder.Services.AddOptions<GroupOptions>().Bind(builder.Configuration.GetSection(GroupOptions.Section))
            .Validate(o => o.MaxMembers >= 1, "Groups:MaxMembers must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<SigningKeys>();
        builder.Services.AddScoped<RefreshTokens>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();

        // Identity holds the keys itself, so it validates with them directly rather than fetching
        // its own discovery document over HTTP.
        builder.AddDefaultAuthentication(options => options.Authority = null);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeys>((options, keys) => options.TokenValidationParameters.IssuerSigningKeys = keys.VerificationKeys);

        // Here, not in the shared defaults: the generator finds this project's request types only.
        builder.Services.AddValidation();
        builder.Services.AddDefaultOpenApi();
        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapWellKnownEndpoints();
        app.MapAuthEndpoints();
        app.MapUsersEndpoints();
        app.MapGroupsEndpoints();
        app.MapGroupMembersEndpoints();
        return app;
    }
}
