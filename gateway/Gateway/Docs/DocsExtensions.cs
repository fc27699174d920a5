using Scalar.AspNetCore;

namespace Tripmate.Gateway.Docs;

public static class DocsExtensions
{
    public static IHostApplicationBuilder AddGatewayDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<ServiceDocuments>();
        return builder;
    }

    /// <summary>
    /// <c>/openapi/{service}.json</c> serves each service's own document unchanged (its server is
    /// "/", which is right through the gateway too); <c>/docs</c> is the interactive page listing
    /// the services that have one right now. Both anonymous, like the documents at the services, and
    /// rate-limited per client address like any anonymous request.
    /// </summary>
    public static WebApplication MapGatewayDocs(this WebApplication app)
    {
        app.MapGet("/openapi/{service}.json", async Task<IResult> (string service, ServiceDocuments documents, CancellationToken cancel) =>
                await documents.FetchAsync(service, cancel) is { } document
                    ? TypedResults.Text(document, "application/json")
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No OpenAPI document of a service named '{service}' is available."))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapScalarApiReference("/docs", async (options, context) =>
            {
                options.WithTitle("Tripmate API");
                var documents = await context.RequestServices.GetRequiredService<ServiceDocuments>().FetchAllAsync(context.RequestAborted);
                foreach (var service in documents.Keys)
                {
                    options.AddDocument(service, service, $"/openapi/{service}.json", isDefault: service == "identity");
                }
            })
            .AllowAnonymous();
        return app;
    }
}
