namespace Tripmate.Gateway.Docs;

public static class DocsExtensions
{
    public static IHostApplicationBuilder AddGatewayDocs(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapGatewayDocs(this WebApplication app) => app;
}
