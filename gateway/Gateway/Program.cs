using Tripmate.Gateway;
using Tripmate.Gateway.Auth;
using Tripmate.Gateway.Caching;
using Tripmate.Gateway.Docs;
using Tripmate.Gateway.Health;
using Tripmate.Gateway.Observability;
using Tripmate.Gateway.RateLimiting;
using Tripmate.Gateway.Routing;
using Tripmate.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayRouting();
builder.AddGatewayAuthentication();
builder.AddGatewayCaching();
builder.AddGatewayRateLimiting();
builder.AddGatewayDocs();
builder.AddGatewayBus();

var app = builder.Build();
app.UseGatewayAnswerHeaders();
app.UseGatewayAccessLog();
app.UseServiceDefaults();
app.UseGatewayLimits();
app.UseGatewayAuthentication();
app.UseAuthorization();
app.UseGatewayRateLimiting();
app.UseGatewayCaching();
app.MapGatewayHealth();
app.MapGatewayDocs();
app.MapGatewayRoutes();
app.Run();

/// <summary>Entry point, public so functional tests can host the gateway.</summary>
public partial class Program;
