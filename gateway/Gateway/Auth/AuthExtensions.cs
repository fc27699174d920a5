namespace Tripmate.Gateway.Auth;

public static class GatewayAuthExtensions
{
    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder) => builder;
}
