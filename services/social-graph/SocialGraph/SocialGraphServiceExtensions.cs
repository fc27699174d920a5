using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.SocialGraph.Events;
using Tripmate.SocialGraph.Relationships;

namespace Tripmate.SocialGraph;

/// <summary>The social-graph API: follows, friends, suggestions, paths and blocks, and the events they use and raise.</summary>
public static class SocialGraphServiceExtensions
{
    public static IHostApplicationBuilder AddSocialGraphServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddSocialGraphBus();

        // Here, not in the shared defaults: the generator finds this project's request types only.
        builder.Services.AddValidation();
        builder.Services.AddDefaultOpenApi();
        return builder;
    }

    public static WebApplication MapSocialGraphEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var relationships = app.MapGroup("/api/relationships").RequireAuthorization().WithTags("Relationships").WithStandardProblems();
        relationships.MapFollowEndpoints();
        relationships.MapBlockEndpoints();
        relationships.MapListEndpoints();
        relationships.MapSuggestionEndpoints();
        relationships.MapPathEndpoints();
        return app;
    }
}
